"""factory_boy factories shared by all tests."""

import factory
from allauth.account.models import EmailAddress

from community.models import User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A practitioner with a verified e-mail address who can sign in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Amal"
    last_name = "Haddad"
    # An established member: signing in leads to the dashboard, not the first steps.
    onboarded_at = factory.LazyFunction(lambda: _now())

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self,
                email=self.email,
                verified=extracted is not False,
                primary=True,
            )


# --- Regions, organisations and affiliations (own profile, claims, privacy) ---------


def _default_locale():
    from wagtail.models import Locale

    return Locale.get_default()


def _now():
    from django.utils import timezone

    return timezone.now()


def _in_a_year():
    from community.models import AFFILIATION_VALIDITY

    return _now() + AFFILIATION_VALIDITY


class RegionFactory(factory.django.DjangoModelFactory):
    """A world region in the default language."""

    class Meta:
        model = "community.Region"

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    locale = factory.LazyFunction(_default_locale)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A municipality without membership, in Jordan and a region of its own."""

    class Meta:
        model = "community.Organisation"

    kind = "municipality"
    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "JO"
    region = factory.SubFactory(RegionFactory)


class AffiliationFactory(factory.django.DjangoModelFactory):
    """An open claim; the ``verified`` and ``rejected`` traits decide it."""

    class Meta:
        model = "community.Affiliation"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Urban planner"
    evidence = "My name is on the staff page of the planning department."
    status = "claimed"

    class Params:
        verified = factory.Trait(
            status="verified",
            decided_at=factory.LazyFunction(_now),
            expires_at=factory.LazyFunction(_in_a_year),
        )
        rejected = factory.Trait(
            status="rejected",
            decided_at=factory.LazyFunction(_now),
            reason="We could not reach the department.",
        )


# --- Memberships and scoped roles (coordinators' admin tools) -----------------------


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active membership of a new organisation."""

    class Meta:
        model = "community.Membership"

    organisation = factory.SubFactory(OrganisationFactory)
    status = "active"
    active_since = factory.LazyFunction(lambda: _now().date())


class RoleFactory(factory.django.DjangoModelFactory):
    """A coordinator of a new region; the ``focal_point`` trait speaks for an
    organisation instead. Pass ``region``, ``country`` or ``organisation`` to scope."""

    class Meta:
        model = "community.Role"

    user = factory.SubFactory(UserFactory)
    kind = "coordinator"
    region = factory.SubFactory(RegionFactory)

    class Params:
        focal_point = factory.Trait(
            kind="focal_point",
            region=None,
            organisation=factory.SubFactory(OrganisationFactory),
        )
