from django.urls import path

from . import verification, views

# Before allauth's own URLs (config/urls.py), so these win over its pages.
account_urlpatterns = [
    path(
        "confirm-email/",
        verification.verification_sent,
        name="account_email_verification_sent",
    ),
    path(
        "confirm-email/resend/",
        verification.verification_resend,
        name="account_verification_resend",
    ),
]

urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("people/", views.people, name="people"),
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
