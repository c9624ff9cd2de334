from django.urls import path

from . import views

urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path(
        "profile/affiliations/new/",
        views.affiliation_claim,
        name="affiliation_claim",
    ),
    path(
        "profile/affiliations/<id:pk>/withdraw/",
        views.affiliation_withdraw,
        name="affiliation_withdraw",
    ),
    path("profile/export/", views.data_export, name="data_export"),
    path("profile/delete/", views.account_delete, name="account_delete"),
]
