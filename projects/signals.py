"""Signal receivers of the projects app (connected in ``ProjectsConfig.ready``)."""

from django.dispatch import receiver

from wagtail.signals import page_published

from core.shared_facts import facts_published

from .models import SupportedProjectPage


@receiver(page_published, sender=SupportedProjectPage)
def project_page_published(sender, instance, **kwargs):
    """The original's facts reach its translations (``core.shared_facts``)."""
    facts_published(page=instance)
