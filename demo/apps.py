from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and its seeding; installed by the dev and test settings only."""

    name = "demo"
    verbose_name = "Demo content"
