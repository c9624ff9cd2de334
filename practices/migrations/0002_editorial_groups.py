"""The editorial groups of the knowledge base: Editors and Moderators.

Wagtail creates both groups in its initial data; this makes sure they exist (also on a
database where someone deleted them), can open the admin and can upload and choose
images and documents for their stories. Their rights on pages (Editors add and edit,
Moderators also publish) and the two-step review workflow are set on the index pages
by ``practices.services.knowledge_base_workflow_ensure``, because the pages do not
exist when migrations run.
"""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ["add", "change", "choose"],
    ("wagtaildocs", "document"): ["add", "change", "choose"],
}


def ensure_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    collection_permissions = []
    for (app_label, model), actions in COLLECTION_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            collection_permissions.append(permission)
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        if root_collection is None:
            continue
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Reversing leaves the groups alone: Wagtail created them and people may be in them.
    operations = [migrations.RunPython(ensure_groups, migrations.RunPython.noop)]
