from django.db import migrations, models


def members_before_onboarding_are_onboarded(apps, schema_editor):
    """People who joined before the first steps existed know their way around:
    signing in should not send them there."""
    User = apps.get_model("community", "User")
    User.objects.filter(onboarded_at__isnull=True).update(
        onboarded_at=models.F("date_joined")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0007_names_on_one_line"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="onboarded_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "Empty until the person finishes or skips the first steps after "
                    "signing up; until then, signing in leads there."
                ),
                null=True,
                verbose_name="finished or skipped the first steps",
            ),
        ),
        migrations.RunPython(
            members_before_onboarding_are_onboarded, migrations.RunPython.noop
        ),
    ]
