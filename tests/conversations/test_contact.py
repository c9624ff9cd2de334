"""Contact buttons on practices and projects: who readers write to (the contact
person, or the account registered with the page's role address), signing in
first, the start form showing the page, and no e-mail address on any page."""

from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from conversations import contact
from tests import knowledge_fixtures as kf
from tests.factories import AffiliationFactory, UserFactory

pytestmark = pytest.mark.django_db


def build_pages():
    return kf.index_pages(kf.seed_site())


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, pages = kf.world_fixtures(build_pages, name="pages")


def _practice(pages, **fields):
    page = kf.make_practice(pages["practices"], title="Separate waste collection")
    for name, value in fields.items():
        setattr(page, name, value)
    return kf.publish(page)


def _project(pages, **fields):
    page = kf.make_project(pages["projects"], title="A sorting plant for Irbid")
    for name, value in fields.items():
        setattr(page, name, value)
    return kf.publish(page)


def test_a_practice_names_its_contact_person_and_links_to_the_form(
    client, people, pages
):
    page = _practice(
        pages, contact_person=people.peer, contact_email="waste@irbid.example"
    )
    client.force_login(people.verified)
    response = client.get(page.url)
    html = response.content.decode()
    assert "Write to Petra Peer" in html
    assert f"to={people.peer.pk}&amp;page={page.pk}" in html
    assert "waste@irbid.example" not in html
    assert people.peer.email not in html


def test_visitors_are_sent_to_sign_in_with_the_form_as_next(client, people, pages):
    page = _practice(pages, contact_person=people.peer)
    html = client.get(page.url).content.decode()
    assert "You will be asked to sign in first." in html
    assert "next=" in html
    assert people.peer.email not in html


def test_a_role_address_reaches_the_account_registered_with_it(people, pages):
    mailbox = UserFactory(first_name="Waste", last_name="Department")
    EmailAddress.objects.create(
        user=mailbox, email="waste@irbid.example", verified=True, primary=False
    )
    page = _project(pages, contact_email="WASTE@irbid.example")
    assert contact.page_contact(page) == mailbox


def test_a_role_address_nobody_uses_yet_shows_no_button(client, people, pages):
    page = _project(pages, contact_email="nobody@irbid.example")
    assert contact.page_contact(page) is None
    client.force_login(people.verified)
    html = client.get(page.url).content.decode()
    assert "contact-heading" not in html
    assert "nobody@irbid.example" not in html


def test_a_deleted_contact_person_falls_back_to_the_role_address(people, pages):
    people.peer.is_active = False
    people.peer.save()
    page = _project(pages, contact_person=people.peer)
    assert contact.page_contact(page) is None


def test_the_project_page_links_to_its_contact(client, people, pages):
    page = _project(pages, contact_person=people.focal_point)
    client.force_login(people.member)
    html = client.get(page.url).content.decode()
    assert "Write to Fatima Focal" in html
    assert people.focal_point.email not in html


def test_the_contact_is_a_fact_shared_by_translations(people, pages):
    page = _project(pages, contact_person=people.peer, contact_email="a@b.example")
    translated = kf.in_language(page, "de", title="Eine Sortieranlage")
    translated.refresh_from_db()
    assert translated.contact_person_id == people.peer.pk
    assert translated.contact_email == "a@b.example"


def test_the_start_form_shows_the_page_it_is_about(client, people, pages):
    page = _practice(pages, contact_person=people.peer)
    client.force_login(people.verified)
    response = client.get(
        reverse("conversation_start"), {"to": people.peer.pk, "page": page.pk}
    )
    html = response.content.decode()
    assert "Write to Petra Peer" in html
    assert "About: Separate waste collection" in html
    assert 'name="body"' in html


def test_a_plain_member_learns_before_typing_that_verification_is_needed(
    client, people, pages
):
    client.force_login(people.member)
    response = client.get(reverse("conversation_start"), {"to": people.peer.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Only verified members of the network may write first" in html
    assert reverse("affiliation_claim") in html
    assert 'name="body"' not in html
    # Posting anyway sends nothing and says the same.
    response = client.post(
        reverse("conversation_start") + f"?to={people.peer.pk}",
        {"subject": "Hi", "body": "Hello"},
    )
    assert response.status_code == 200
    assert "Only verified members of the network may write" in (
        response.content.decode()
    )
    assert b'class="errorlist' in response.content


def test_a_plain_member_may_write_to_a_focal_point_at_once(client, people):
    client.force_login(people.member)
    html = client.get(
        reverse("conversation_start"), {"to": people.focal_point.pk}
    ).content.decode()
    assert 'name="body"' in html
    assert "Only verified members" not in html


FIELDS = ("job_title", "bio", "languages", "expertise", "offers", "seeks")
ALL_PUBLIC = dict.fromkeys(FIELDS, "public")


def test_a_city_profile_asks_its_focal_points_and_visible_people(
    client, people, site_pages
):
    kf.network_page(site_pages)
    other_city = people.peer.affiliations.get().organisation
    people.peer.visibility = ALL_PUBLIC
    people.peer.save()
    hidden = UserFactory(
        first_name="Hidden",
        last_name="Person",
        visibility=dict.fromkeys(FIELDS, "coordinators"),
    )
    AffiliationFactory(user=hidden, organisation=other_city, verified=True)
    url = f"/en/network/{other_city.slug}/"
    client.force_login(people.verified)
    html = client.get(url).content.decode()
    assert "Ask the city" in html
    assert "Write to Fatima Focal" in html
    assert f"to={people.focal_point.pk}&amp;organisation={other_city.pk}" in html
    assert "Write to Petra Peer" in html
    assert "Hidden Person" not in html
    for person in (people.peer, people.focal_point, hidden):
        assert person.email not in html
    client.logout()
    html = client.get(url).content.decode()
    assert "next=" in html
    assert "You will be asked to sign in first." in html


def test_editors_choose_the_contact_person_in_the_page_editor(client, people, pages):
    editor = UserFactory(is_superuser=True, is_staff=True)
    page = _practice(pages, contact_person=people.peer)
    project = _project(pages)
    client.force_login(editor)
    for edited in (page, project):
        html = client.get(
            reverse("wagtailadmin_pages:edit", args=[edited.pk])
        ).content.decode()
        assert reverse("person_chooser:choose") in html
    html = client.get(reverse("person_chooser:choose"), {"q": "Petra"}).content.decode()
    assert "Petra Peer" in html
    assert "Vera Verified" not in html
    response = client.get(reverse("person_chooser:choose_results"), {"q": "1' OR"})
    assert response.status_code == 200
