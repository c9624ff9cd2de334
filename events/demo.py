"""Demo content of the events app: the event calendar in English and German, the 66
events of the programme's history, and four events with applicants in every state.

Facts (titles, formats, dates, places, themes, figures) come from
shared/demo_facts.yaml; teasers, calls and documentation are short texts written for
the demo from those facts, with figures only where the facts give them. Three
upcoming events take applications (dates relative to the day of seeding) and one
event of last week shows attendance. Demo applicants are the fictitious people of
``community.demo``; every registration goes through ``events.services``, so the logs
and the notification outbox look like real use.

Running it again changes nothing: pages are found by slug and locale and left as they
are once they exist; a registration that exists is not touched.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone

from community.models import Organisation, Region, User
from core.demo import DEMO_ADMIN_EMAIL, locales
from core.models import Cluster, FieldOfAction, HomePage
from notifications.delivery import notification_send
from notifications.models import Notification, NotificationState
from practices.demo import (
    ASIA,
    GERMANY,
    GUG,
    IUD,
    LATAM,
    LED,
    MENA,
    MS,
    SEE,
    SSA,
    publish,
)
from practices.models import GoodPracticeIndexPage, GoodPracticePage

from .models import (
    AttendanceMode,
    Eligibility,
    EventFormat,
    EventIndexPage,
    EventPage,
    Registration,
    SelectionMode,
)

INDEX_SLUG = "events"
INDEX = {
    "en": (
        "Events",
        "Dialogue events, workshops, expert missions and study tours where city "
        "practitioners learn from each other. Apply for an open call, or read what "
        "past events produced.",
    ),
    "de": (
        "Veranstaltungen",
        "Dialogveranstaltungen, Workshops, Expertenmissionen und Studienreisen, bei "
        "denen kommunale Fachleute voneinander lernen. Bewerben Sie sich auf eine "
        "offene Ausschreibung oder lesen Sie, was vergangene Veranstaltungen "
        "ergeben haben.",
    ),
}
FIGURES_HEADING = {"en": "In figures", "de": "In Zahlen"}
RESULTS_HEADING = {"en": "Results", "de": "Ergebnisse"}

WASTE = "waste-management-and-recycling"
NETWORKS = "municipal-and-regional-networks"
FINANCE = "urban-budget-and-municipal-finances"
HEALTH = "public-health"
DIGITAL = "smart-cities-digitalisation"
CRISIS = "crisis-management"
START_UPS = "start-up-promotion"
GREEN_ECONOMY = "green-urban-economy"
GARDENING = "urban-gardening"
PUBLIC_SPACE = "public-space"

DIALOGUE = EventFormat.DIALOGUE_EVENT
PRACTITIONERS = EventFormat.PRACTITIONERS_WORKSHOP
LOCAL_WORKSHOP = EventFormat.LOCAL_PROJECT_WORKSHOP
MISSION = EventFormat.EXPERT_MISSION
STUDY_TOUR = EventFormat.STUDY_TOUR
TRAINING = EventFormat.TRAINING
WEBINAR = EventFormat.WEBINAR
PEER_LEARNING = EventFormat.PEER_LEARNING_WORKSHOP
CONFERENCE = EventFormat.CONFERENCE

# The time zone of the country an event takes place in; online events without a
# country are run from Bonn.
TIME_ZONES = {
    "": "Europe/Berlin",
    "DE": "Europe/Berlin",
    "TZ": "Africa/Dar_es_Salaam",
    "KE": "Africa/Nairobi",
    "ZA": "Africa/Johannesburg",
    "TR": "Europe/Istanbul",
    "JO": "Asia/Amman",
    "PH": "Asia/Manila",
    "MK": "Europe/Skopje",
    "LB": "Asia/Beirut",
    "PS": "Asia/Hebron",
    "UG": "Africa/Kampala",
    "CO": "America/Bogota",
    "GE": "Asia/Tbilisi",
    "TN": "Africa/Tunis",
    "GH": "Africa/Accra",
}


class Text(NamedTuple):
    """An event's texts in one language. ``doc`` is the documentation's results
    section (past events only)."""

    title: str
    teaser: str
    call: str
    doc: str = ""


@dataclass
class Event:
    """One event of the programme's history.

    ``start`` and ``end`` are ISO dates, or ``YYYY-MM`` when only the month is
    known, or empty. ``city`` is the venue's city in English and German; ``host`` and
    ``partners`` are organisation slugs of ``community.demo``. ``figures`` are
    (value, English label, German label) from the facts.
    """

    slug: str
    format: str
    start: str
    end: str
    cluster: str
    region: str | None
    en: Text
    de: Text
    field_of_action: str = ""
    country: str = ""
    host: str = ""
    city: tuple[str, str] = ("", "")
    online: bool = False
    partners: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])
    figures: list[tuple[str, str, str]] = field(default_factory=list)


EVENTS = [
    Event(
        slug="kick-off-resource-efficiency-and-sufficiency-leipzig",
        format=CONFERENCE,
        start="2014-06",
        end="",
        cluster=IUD,
        region=GERMANY,
        country="DE",
        host="leipzig",
        city=("Leipzig", "Leipzig"),
        figures=[("~70", "experts", "Fachleute")],
        en=Text(
            "Kick-off: Sustainable urban development between resource efficiency and sufficiency",
            "The conference in Leipzig that opened the work of Connective Cities: around 70 experts discussed how cities can use fewer resources and use them better.",
            "For practitioners from German and international municipalities, their associations and partners who want to help shape the new community of practice.",
            "Around 70 experts from municipalities, associations and development cooperation took part. They discussed what resource efficiency and sufficiency mean for urban development and which themes the new network should take up first.",
        ),
        de=Text(
            "Auftakt: Nachhaltige Stadtentwicklung zwischen Ressourceneffizienz und Suffizienz",
            "Die Konferenz in Leipzig, mit der die Arbeit von Connective Cities begann: Rund 70 Fachleute diskutierten, wie Städte weniger Ressourcen verbrauchen und sie besser nutzen können.",
            "Für Fachleute aus deutschen und internationalen Kommunen, ihren Verbänden und Partnerorganisationen, die die neue Praxisgemeinschaft mitgestalten wollen.",
            "Rund 70 Fachleute aus Kommunen, Verbänden und der Entwicklungszusammenarbeit nahmen teil. Sie diskutierten, was Ressourceneffizienz und Suffizienz für die Stadtentwicklung bedeuten und welche Themen das neue Netzwerk zuerst aufgreifen sollte.",
        ),
    ),
    Event(
        slug="from-waste-to-resource-iswm-kinondoni",
        format=PRACTITIONERS,
        start="2015-04-14",
        end="2015-04-17",
        cluster=MS,
        field_of_action=WASTE,
        region=SSA,
        country="TZ",
        host="kinondoni",
        city=("Kinondoni, Dar es Salaam", "Kinondoni, Daressalam"),
        partners=["alat"],
        languages=["en", "sw"],
        figures=[
            ("~35", "practitioners", "Fachleute"),
            ("6", "countries", "Länder"),
        ],
        en=Text(
            "From Waste to Resource – Planning for ISWM in Sub-Saharan African Cities",
            "The first practitioners' workshop of Connective Cities: waste managers from African cities planned integrated solid waste management (ISWM) together in Kinondoni, with ALAT.",
            "For staff of municipal waste departments in Sub-Saharan Africa who plan collection, recycling or disposal and want to compare their approach with peers.",
            "About 35 practitioners from six countries worked through the elements of an integrated solid waste management plan, from collection to recycling and disposal, and shared their cities' experience. The workshop was organised with the Association of Local Authorities of Tanzania (ALAT).",
        ),
        de=Text(
            "Vom Abfall zur Ressource – Planung integrierter Abfallwirtschaft in Städten Subsahara-Afrikas",
            "Der erste Praxisworkshop von Connective Cities: Abfallfachleute aus afrikanischen Städten planten in Kinondoni gemeinsam mit ALAT eine integrierte Abfallwirtschaft.",
            "Für Beschäftigte kommunaler Abfallbetriebe in Subsahara-Afrika, die Sammlung, Verwertung oder Entsorgung planen und ihren Ansatz mit Kolleginnen und Kollegen vergleichen wollen.",
            "Rund 35 Fachleute aus sechs Ländern gingen die Bausteine eines integrierten Abfallwirtschaftsplans durch, von der Sammlung über die Verwertung bis zur Entsorgung, und teilten die Erfahrungen ihrer Städte. Der Workshop wurde mit dem Kommunalverband Tansanias (ALAT) organisiert.",
        ),
    ),
    Event(
        slug="integrated-solid-waste-management-nairobi",
        format=PRACTITIONERS,
        start="2015-12-02",
        end="2015-12-04",
        cluster=MS,
        field_of_action=WASTE,
        region=SSA,
        country="KE",
        host="nairobi",
        city=("Nairobi", "Nairobi"),
        en=Text(
            "Integrated Solid Waste Management in Sub-Saharan African Cities",
            "A second practitioners' workshop on integrated solid waste management in 2015, this time hosted in Nairobi.",
            "For municipal waste managers and planners from cities in Sub-Saharan Africa.",
            "Participants compared how their cities organise collection, recycling and disposal, and discussed which steps towards integrated waste management are possible with tight municipal budgets.",
        ),
        de=Text(
            "Integrierte Abfallwirtschaft in Städten Subsahara-Afrikas",
            "Ein zweiter Praxisworkshop zur integrierten Abfallwirtschaft im Jahr 2015, diesmal in Nairobi.",
            "Für kommunale Abfallfachleute und Planerinnen und Planer aus Städten in Subsahara-Afrika.",
            "Die Teilnehmenden verglichen, wie ihre Städte Sammlung, Verwertung und Entsorgung organisieren, und diskutierten, welche Schritte zu einer integrierten Abfallwirtschaft mit knappen kommunalen Haushalten möglich sind.",
        ),
    ),
    Event(
        slug="planning-integrated-solid-waste-management-rostock",
        format=DIALOGUE,
        start="2016-09",
        end="",
        cluster=MS,
        field_of_action=WASTE,
        region=GERMANY,
        country="DE",
        host="rostock",
        city=("Rostock", "Rostock"),
        figures=[("33", "professionals", "Fachleute"), ("14", "cities", "Städte")],
        en=Text(
            "Planning integrated solid waste management at the municipal level",
            "A dialogue event in Rostock on planning integrated solid waste management: 33 professionals from 14 cities brought practices and challenges from home.",
            "For municipal practitioners responsible for waste management who bring a good practice or a challenge from their own city.",
            "33 professionals from 14 cities compared their approaches and developed project ideas together. One of them grew into the partnership of Bizerte and Rostock on composting organic waste.",
        ),
        de=Text(
            "Integrierte Abfallwirtschaft auf kommunaler Ebene planen",
            "Eine Dialogveranstaltung in Rostock zur Planung integrierter Abfallwirtschaft: 33 Fachleute aus 14 Städten brachten gute Praxis und Herausforderungen aus ihren Städten mit.",
            "Für kommunale Fachleute der Abfallwirtschaft, die eine gute Praxis oder eine Herausforderung aus ihrer Stadt mitbringen.",
            "33 Fachleute aus 14 Städten verglichen ihre Ansätze und entwickelten gemeinsam Projektideen. Aus einer davon wurde die Partnerschaft von Biserta und Rostock zur Kompostierung organischer Abfälle.",
        ),
    ),
    Event(
        slug="implementing-the-urban-nexus-approach-durban",
        format=TRAINING,
        start="2016-11-16",
        end="2016-11-18",
        cluster=IUD,
        region=SSA,
        country="ZA",
        host="ethekwini",
        city=("Durban", "Durban"),
        figures=[("36", "participants", "Teilnehmende")],
        en=Text(
            "Implementing the Urban Nexus approach",
            "A training in Durban on the Urban Nexus: planning water, energy, food and land use together instead of sector by sector.",
            "For municipal planners and sector managers who want to connect water, energy, food security and land use in their projects.",
            "36 participants learnt the principles of the Urban Nexus approach and applied them to examples from their own cities.",
        ),
        de=Text(
            "Den Urban-Nexus-Ansatz umsetzen",
            "Eine Fortbildung in Durban zum Urban Nexus: Wasser, Energie, Ernährung und Flächennutzung gemeinsam planen statt Sektor für Sektor.",
            "Für kommunale Planerinnen und Planer und Fachverantwortliche, die in ihren Projekten Wasser, Energie, Ernährungssicherheit und Flächennutzung verbinden wollen.",
            "36 Teilnehmende lernten die Grundsätze des Urban-Nexus-Ansatzes kennen und wandten sie auf Beispiele aus ihren eigenen Städten an.",
        ),
    ),
    Event(
        slug="community-based-solid-waste-management-nairobi",
        format=LOCAL_WORKSHOP,
        start="2017-01-25",
        end="2017-01-27",
        cluster=MS,
        field_of_action=WASTE,
        region=SSA,
        country="KE",
        host="nairobi",
        city=("Nairobi", "Nairobi"),
        en=Text(
            "Community-based Solid Waste Management in Nairobi",
            "A local project workshop in Nairobi on how the county can work with the community-based organisations that collect waste in its neighbourhoods.",
            "For staff of Nairobi City County, community-based organisations and peers from other cities who work on waste collection in neighbourhoods.",
            "Participants looked at how community groups collect waste in Nairobi's neighbourhoods and what they need from the county. The workshop started the project on strengthening community-based organisations in solid waste management.",
        ),
        de=Text(
            "Gemeinschaftsbasierte Abfallwirtschaft in Nairobi",
            "Eine lokale Projektwerkstatt in Nairobi: Wie kann das County mit den gemeinschaftlichen Organisationen zusammenarbeiten, die in den Stadtteilen Abfall sammeln?",
            "Für Beschäftigte des Nairobi City County, gemeinschaftliche Organisationen und Fachleute aus anderen Städten, die an der Abfallsammlung in Stadtteilen arbeiten.",
            "Die Teilnehmenden sahen sich an, wie Gemeinschaftsgruppen in Nairobis Stadtteilen Abfall sammeln und was sie vom County brauchen. Aus der Werkstatt entstand das Projekt zur Stärkung gemeinschaftlicher Organisationen in der Abfallwirtschaft.",
        ),
    ),
    Event(
        slug="sustainable-urban-mobility-bremen",
        format=DIALOGUE,
        start="2017-06-19",
        end="2017-06-21",
        cluster=MS,
        region=GERMANY,
        country="DE",
        host="bremen",
        city=("Bremen", "Bremen"),
        figures=[("25", "experts", "Fachleute")],
        en=Text(
            "Sustainable urban mobility: strategies and pathways towards more efficient, inclusive and environmentally sustainable cities",
            "25 mobility experts met in Bremen to compare strategies for more efficient, inclusive and cleaner transport in their cities.",
            "For municipal transport and urban planners who bring a mobility challenge or good practice from their city.",
            "25 experts exchanged strategies for public transport, cycling and walking, together with Bremen University of Applied Sciences. Ideas from Belo Horizonte discussed here led to the project on safe, colourful and liveable streets.",
        ),
        de=Text(
            "Nachhaltige städtische Mobilität: Strategien und Wege zu effizienteren, inklusiven und umweltfreundlichen Städten",
            "25 Mobilitätsfachleute trafen sich in Bremen, um Strategien für einen effizienteren, inklusiveren und saubereren Verkehr in ihren Städten zu vergleichen.",
            "Für kommunale Verkehrs- und Stadtplanerinnen und -planer, die eine Herausforderung oder gute Praxis zur Mobilität aus ihrer Stadt mitbringen.",
            "25 Fachleute tauschten gemeinsam mit der Hochschule Bremen Strategien für öffentlichen Verkehr, Rad- und Fußverkehr aus. Ideen aus Belo Horizonte, die hier diskutiert wurden, führten zum Projekt für sichere, farbenfrohe und lebenswerte Straßen.",
        ),
    ),
    Event(
        slug="from-waste-to-resource-izmit",
        format=DIALOGUE,
        start="2017-07-04",
        end="2017-07-06",
        cluster=MS,
        field_of_action=WASTE,
        region=SEE,
        country="TR",
        host="kocaeli",
        city=("İzmit, Kocaeli", "İzmit, Kocaeli"),
        en=Text(
            "From Waste to Resource – Integrated Municipal Solid Waste Management Solutions",
            "A dialogue event hosted by Kocaeli Metropolitan Municipality in İzmit on solutions for integrated municipal solid waste management.",
            "For municipal waste managers who want to present their city's solutions or discuss a challenge with peers.",
            "Participants compared solutions for collecting, separating and recycling waste and discussed which of them could work in their own cities.",
        ),
        de=Text(
            "Vom Abfall zur Ressource – Lösungen für eine integrierte kommunale Abfallwirtschaft",
            "Eine Dialogveranstaltung der Großstadtgemeinde Kocaeli in İzmit zu Lösungen für eine integrierte kommunale Abfallwirtschaft.",
            "Für kommunale Abfallfachleute, die Lösungen ihrer Stadt vorstellen oder eine Herausforderung mit Kolleginnen und Kollegen besprechen wollen.",
            "Die Teilnehmenden verglichen Lösungen für das Sammeln, Trennen und Verwerten von Abfällen und diskutierten, welche davon in ihren eigenen Städten funktionieren könnten.",
        ),
    ),
    Event(
        slug="financing-municipal-sanitation-services-cologne",
        format=DIALOGUE,
        start="2017-09-18",
        end="2017-09-20",
        cluster=MS,
        region=GERMANY,
        country="DE",
        host="cologne",
        city=("Cologne", "Köln"),
        figures=[("34", "specialists", "Fachleute")],
        en=Text(
            "Financing mechanisms for municipal sanitation services",
            "34 specialists met in Cologne to discuss how cities can finance sanitation services sustainably.",
            "For staff of municipal utilities and finance departments who work on sanitation and wastewater services.",
            "34 specialists discussed tariffs, cost recovery and ways of financing sanitation services, and compared them with the experience of German municipal utilities.",
        ),
        de=Text(
            "Finanzierungsmechanismen für kommunale Abwasserdienstleistungen",
            "34 Fachleute trafen sich in Köln, um zu diskutieren, wie Städte ihre Abwasserentsorgung nachhaltig finanzieren können.",
            "Für Beschäftigte kommunaler Versorgungsbetriebe und Finanzverwaltungen, die an Sanitär- und Abwasserdienstleistungen arbeiten.",
            "34 Fachleute diskutierten Gebühren, Kostendeckung und Finanzierungswege für die Abwasserentsorgung und verglichen sie mit den Erfahrungen deutscher kommunaler Betriebe.",
        ),
    ),
    Event(
        slug="sustainable-urban-mobility-and-climate-change-see",
        format=PRACTITIONERS,
        start="2017-10-10",
        end="2017-10-12",
        cluster=MS,
        region=SEE,
        en=Text(
            "Practitioners' Workshop on Sustainable Urban Mobility and Climate Change",
            "The first Connective Cities event in South-East Europe: practitioners discussed how sustainable mobility helps their cities protect the climate.",
            "For mobility and climate practitioners from municipalities in South-East Europe.",
            "Practitioners from the region shared their plans for public transport, cycling and walking. Skopje's aim of getting more people onto bicycles was taken further in a local project workshop in December 2017.",
        ),
        de=Text(
            "Praxisworkshop zu nachhaltiger städtischer Mobilität und Klimawandel",
            "Die erste Veranstaltung von Connective Cities in Südosteuropa: Fachleute diskutierten, wie nachhaltige Mobilität ihren Städten beim Klimaschutz hilft.",
            "Für Fachleute für Mobilität und Klimaschutz aus Kommunen in Südosteuropa.",
            "Fachleute aus der Region stellten ihre Pläne für öffentlichen Verkehr, Rad- und Fußverkehr vor. Skopjes Ziel, mehr Menschen aufs Fahrrad zu bringen, wurde im Dezember 2017 in einer lokalen Projektwerkstatt weiterverfolgt.",
        ),
    ),
    Event(
        slug="restructuring-the-waste-sector-nairobi",
        format=MISSION,
        start="2017-10",
        end="",
        cluster=MS,
        field_of_action=WASTE,
        region=SSA,
        country="KE",
        host="nairobi",
        city=("Nairobi", "Nairobi"),
        en=Text(
            "Restructuring the Waste Sector – strengthening the informal sector",
            "An expert mission to Nairobi on how a restructured waste sector can include and strengthen informal waste collectors.",
            "For experts from German and African municipalities with experience of working with informal waste pickers and collectors.",
            "The experts discussed with Nairobi City County how informal collectors can find a place in a restructured waste sector and recommended next steps.",
        ),
        de=Text(
            "Neuordnung der Abfallwirtschaft – den informellen Sektor stärken",
            "Eine Expertenmission nach Nairobi: Wie kann eine neu geordnete Abfallwirtschaft informelle Sammlerinnen und Sammler einbeziehen und stärken?",
            "Für Fachleute aus deutschen und afrikanischen Kommunen mit Erfahrung in der Zusammenarbeit mit informellen Abfallsammlern.",
            "Die Fachleute besprachen mit dem Nairobi City County, wie informelle Sammlerinnen und Sammler ihren Platz in einer neu geordneten Abfallwirtschaft finden können, und empfahlen nächste Schritte.",
        ),
    ),
    Event(
        slug="towards-resilient-and-liveable-urban-district-development-amman",
        format=PRACTITIONERS,
        start="2017-11-14",
        end="2017-11-16",
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        city=("Amman", "Amman"),
        languages=["ar", "en"],
        figures=[("16", "municipalities", "Kommunen")],
        en=Text(
            "Towards resilient and livable urban district development",
            "Practitioners from 16 municipalities met in Amman to discuss how urban districts can become more resilient and liveable.",
            "For planners from municipalities in the Middle East, North Africa and Germany who work on the development of urban districts.",
            "Representatives of 16 municipalities compared how they develop their districts, from green and open spaces to services for growing populations, and chose topics for further exchange.",
        ),
        de=Text(
            "Auf dem Weg zu einer resilienten und lebenswerten Quartiersentwicklung",
            "Fachleute aus 16 Kommunen trafen sich in Amman, um zu diskutieren, wie Stadtquartiere resilienter und lebenswerter werden können.",
            "Für Planerinnen und Planer aus Kommunen in Nahost, Nordafrika und Deutschland, die an der Entwicklung von Stadtquartieren arbeiten.",
            "Vertreterinnen und Vertreter von 16 Kommunen verglichen, wie sie ihre Quartiere entwickeln, von Grün- und Freiflächen bis zu Dienstleistungen für eine wachsende Bevölkerung, und wählten Themen für den weiteren Austausch.",
        ),
    ),
    Event(
        slug="effective-urban-infrastructure-planning-naga-manila",
        format=PRACTITIONERS,
        start="2017-11-22",
        end="2017-11-23",
        cluster=IUD,
        region=ASIA,
        country="PH",
        host="naga-city",
        city=("Naga City and Manila", "Naga City und Manila"),
        partners=["cdia", "manila"],
        en=Text(
            "Effective Urban Infrastructure Planning",
            "A workshop with the Cities Development Initiative for Asia (CDIA) in Naga City and Manila on planning and preparing urban infrastructure projects.",
            "For municipal planners in Asian cities who prepare infrastructure projects and want to make them ready for financing.",
            "Participants worked with CDIA on setting priorities for infrastructure investment and on preparing projects so that they can be financed.",
        ),
        de=Text(
            "Wirksame Planung städtischer Infrastruktur",
            "Ein Workshop mit der Cities Development Initiative for Asia (CDIA) in Naga City und Manila zur Planung und Vorbereitung städtischer Infrastrukturprojekte.",
            "Für kommunale Planerinnen und Planer in asiatischen Städten, die Infrastrukturprojekte vorbereiten und finanzierungsreif machen wollen.",
            "Die Teilnehmenden erarbeiteten mit CDIA, wie Städte Prioritäten für Infrastrukturinvestitionen setzen und Projekte so vorbereiten, dass sie finanziert werden können.",
        ),
    ),
    Event(
        slug="climate-protection-through-circular-waste-management-hamburg",
        format=DIALOGUE,
        start="2017-11-27",
        end="2017-11-29",
        cluster=MS,
        field_of_action=WASTE,
        region=GERMANY,
        country="DE",
        host="hamburg",
        city=("Hamburg", "Hamburg"),
        en=Text(
            "Climate Protection through Circular Waste Management",
            "A dialogue event in Hamburg on how circular waste management reduces greenhouse gas emissions.",
            "For waste and climate practitioners who bring a practice or challenge on recycling, composting or landfill gas from their city.",
            "Participants discussed how recycling, composting and better-managed landfills cut emissions, and how cities can show the effect of their measures.",
        ),
        de=Text(
            "Klimaschutz durch Kreislaufwirtschaft im Abfallbereich",
            "Eine Dialogveranstaltung in Hamburg dazu, wie eine Kreislaufwirtschaft im Abfallbereich Treibhausgasemissionen senkt.",
            "Für Fachleute aus Abfallwirtschaft und Klimaschutz, die eine gute Praxis oder Herausforderung zu Recycling, Kompostierung oder Deponiegas aus ihrer Stadt mitbringen.",
            "Die Teilnehmenden diskutierten, wie Recycling, Kompostierung und besser betriebene Deponien Emissionen senken und wie Städte die Wirkung ihrer Maßnahmen belegen können.",
        ),
    ),
    Event(
        slug="increasing-the-number-of-cyclists-in-skopje",
        format=LOCAL_WORKSHOP,
        start="2017-12-13",
        end="2017-12-15",
        cluster=MS,
        region=SEE,
        country="MK",
        host="skopje",
        city=("Skopje", "Skopje"),
        en=Text(
            "Increasing the number of cyclists in Skopje",
            "A local project workshop in Skopje on how the city can get more people onto bicycles.",
            "For Skopje's mobility planners and peers from other cities with experience in promoting cycling.",
            "Skopje's planners and their peers worked on concrete steps towards safer cycle routes and more people cycling. The workshop was the start of the project on cycling promotion in Skopje.",
        ),
        de=Text(
            "Mehr Radverkehr in Skopje",
            "Eine lokale Projektwerkstatt in Skopje: Wie bringt die Stadt mehr Menschen aufs Fahrrad?",
            "Für die Mobilitätsplanerinnen und -planer Skopjes und Fachleute aus anderen Städten mit Erfahrung in der Radverkehrsförderung.",
            "Skopjes Planerinnen und Planer erarbeiteten mit ihren Kolleginnen und Kollegen konkrete Schritte zu sichereren Radwegen und mehr Radverkehr. Die Werkstatt war der Beginn des Projekts zur Radverkehrsförderung in Skopje.",
        ),
    ),
    Event(
        slug="composting-as-a-solid-waste-management-solution-webinar",
        format=WEBINAR,
        start="2018-01-23",
        end="2018-01-23",
        cluster=MS,
        field_of_action=WASTE,
        region=None,
        online=True,
        en=Text(
            "Composting as a Solid Waste Management Solution",
            "The first Connective Cities webinar on solid waste management in 2018: how cities turn organic waste into compost.",
            "For municipal practitioners who want to collect and compost organic waste.",
            "Speakers presented municipal composting schemes; participants asked about separating waste at source, the quality of compost and who buys it.",
        ),
        de=Text(
            "Kompostierung als Lösung für die Abfallwirtschaft",
            "Das erste Webinar von Connective Cities zur Abfallwirtschaft im Jahr 2018: Wie Städte aus organischen Abfällen Kompost machen.",
            "Für kommunale Fachleute, die organische Abfälle sammeln und kompostieren wollen.",
            "Referentinnen und Referenten stellten kommunale Kompostierungsprojekte vor; die Teilnehmenden fragten nach Getrenntsammlung, der Qualität des Komposts und seinen Abnehmern.",
        ),
    ),
    Event(
        slug="sustainable-urban-mobility-and-climate-change-air-pollution",
        format=PRACTITIONERS,
        start="2018-02-20",
        end="2018-02-22",
        cluster=MS,
        region=SEE,
        en=Text(
            "Practitioners' Workshop on Sustainable Urban Mobility and Climate Change: Reducing Air Pollution",
            "A second practitioners' workshop on sustainable mobility and climate change, this time on reducing air pollution from traffic.",
            "For municipal mobility, environment and health practitioners working on cleaner air.",
            "Participants compared measures against air pollution from traffic, from measuring air quality to better public transport and low-emission zones.",
        ),
        de=Text(
            "Praxisworkshop zu nachhaltiger städtischer Mobilität und Klimawandel: Luftverschmutzung verringern",
            "Ein zweiter Praxisworkshop zu nachhaltiger Mobilität und Klimawandel, diesmal zur Verringerung verkehrsbedingter Luftverschmutzung.",
            "Für kommunale Fachleute aus Mobilität, Umwelt und Gesundheit, die für saubere Luft arbeiten.",
            "Die Teilnehmenden verglichen Maßnahmen gegen verkehrsbedingte Luftverschmutzung, von der Messung der Luftqualität über einen besseren öffentlichen Verkehr bis zu Umweltzonen.",
        ),
    ),
    Event(
        slug="strategies-for-resilient-and-liveable-urban-district-development-amman",
        format=PRACTITIONERS,
        start="2018-04-17",
        end="2018-04-19",
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        city=("Amman", "Amman"),
        languages=["ar", "en"],
        figures=[("14", "municipalities", "Kommunen")],
        en=Text(
            "Developing strategies for resilient and liveable urban district development",
            "Back in Amman, practitioners from 14 municipalities developed strategies for resilient and liveable districts with the Urban Nexus approach.",
            "For municipal planners from the Middle East, North Africa and Germany; presentations in English and Arabic.",
            "Representatives of 14 municipalities applied the Urban Nexus approach to their own districts and drafted first strategies. Presentations were given in English and Arabic.",
        ),
        de=Text(
            "Strategien für eine resiliente und lebenswerte Quartiersentwicklung entwickeln",
            "Wieder in Amman: Fachleute aus 14 Kommunen entwickelten mit dem Urban-Nexus-Ansatz Strategien für resiliente und lebenswerte Quartiere.",
            "Für kommunale Planerinnen und Planer aus Nahost, Nordafrika und Deutschland; Präsentationen auf Englisch und Arabisch.",
            "Vertreterinnen und Vertreter von 14 Kommunen wandten den Urban-Nexus-Ansatz auf ihre eigenen Quartiere an und entwarfen erste Strategien. Die Präsentationen waren auf Englisch und Arabisch.",
        ),
    ),
    Event(
        slug="strengthening-local-economic-development-in-lebanon-beirut",
        format=PRACTITIONERS,
        start="2018-04-26",
        end="2018-04-28",
        cluster=LED,
        region=MENA,
        country="LB",
        host="beirut",
        city=("Beirut", "Beirut"),
        languages=["ar", "en"],
        en=Text(
            "Strengthening Local Economic Development in Lebanon – from Strategy to Action",
            "A practitioners' workshop in Beirut on turning local economic development strategies into projects that create jobs and income.",
            "For Lebanese municipalities and unions of municipalities working on local economic development, and for German peers.",
            "Lebanese municipalities worked on project ideas for local jobs and income in their host communities, among them ecotourism. The ideas were taken further as a supported project.",
        ),
        de=Text(
            "Lokale Wirtschaftsentwicklung im Libanon stärken – von der Strategie zur Umsetzung",
            "Ein Praxisworkshop in Beirut dazu, wie aus Strategien der lokalen Wirtschaftsentwicklung Projekte werden, die Arbeit und Einkommen schaffen.",
            "Für libanesische Kommunen und Gemeindeverbände, die an lokaler Wirtschaftsentwicklung arbeiten, und für deutsche Fachleute.",
            "Libanesische Kommunen arbeiteten an Projektideen für Arbeit und Einkommen in ihren Aufnahmegemeinden, darunter Ökotourismus. Die Ideen wurden als gefördertes Projekt weiterverfolgt.",
        ),
    ),
    Event(
        slug="the-voice-of-the-cities-cologne",
        format=DIALOGUE,
        start="2018-07-09",
        end="2018-07-11",
        cluster=GUG,
        field_of_action=NETWORKS,
        region=GERMANY,
        country="DE",
        host="cologne",
        city=("Cologne", "Köln"),
        figures=[
            ("25", "experts", "Fachleute"),
            ("11", "local government associations", "kommunale Verbände"),
        ],
        en=Text(
            "The Voice of the Cities",
            "A dialogue event in Cologne for local government associations: how they speak for their cities and serve their members.",
            "For staff of national and regional local government associations.",
            "25 experts from 11 local government associations compared how they represent their members' interests towards national governments and which services they offer their members.",
        ),
        de=Text(
            "Die Stimme der Städte",
            "Eine Dialogveranstaltung in Köln für kommunale Spitzenverbände: Wie sie für ihre Städte sprechen und ihren Mitgliedern dienen.",
            "Für Beschäftigte nationaler und regionaler kommunaler Spitzenverbände.",
            "25 Fachleute aus 11 kommunalen Verbänden verglichen, wie sie die Interessen ihrer Mitglieder gegenüber den nationalen Regierungen vertreten und welche Leistungen sie ihren Mitgliedern anbieten.",
        ),
    ),
    Event(
        slug="second-delegation-from-jordan",
        format=STUDY_TOUR,
        start="2018-09-03",
        end="2018-09-06",
        cluster=IUD,
        field_of_action=PUBLIC_SPACE,
        region=MENA,
        country="DE",
        city=("Andernach, Cologne and Düsseldorf", "Andernach, Köln und Düsseldorf"),
        partners=["andernach", "cologne", "duesseldorf"],
        languages=["ar", "en"],
        figures=[
            ("23", "representatives", "Vertreterinnen und Vertreter"),
            ("7", "Jordanian municipalities", "jordanische Kommunen"),
        ],
        en=Text(
            "Second delegation from Jordan",
            "23 representatives of seven Jordanian municipalities travelled through North Rhine-Westphalia and Rhineland-Palatinate to see how German cities develop districts and green and open spaces.",
            "For planners from Jordanian municipalities taking part in the learning process on district development.",
            "The delegation visited Andernach, Cologne and Düsseldorf. In Andernach, the 'edible city', they saw vegetables and fruit growing in public green spaces for everyone to harvest.",
        ),
        de=Text(
            "Zweite Delegation aus Jordanien",
            "23 Vertreterinnen und Vertreter aus sieben jordanischen Kommunen reisten durch Nordrhein-Westfalen und Rheinland-Pfalz, um zu sehen, wie deutsche Städte Quartiere sowie Grün- und Freiflächen entwickeln.",
            "Für Planerinnen und Planer jordanischer Kommunen, die am Lernprozess zur Quartiersentwicklung teilnehmen.",
            "Die Delegation besuchte Andernach, Köln und Düsseldorf. In Andernach, der „essbaren Stadt“, sahen sie Gemüse und Obst, das auf öffentlichen Grünflächen für alle zum Ernten wächst.",
        ),
    ),
    Event(
        slug="delegation-from-lebanon-hamm",
        format=STUDY_TOUR,
        start="2018-09-25",
        end="",
        cluster=LED,
        region=MENA,
        country="DE",
        host="hamm",
        city=("Hamm", "Hamm"),
        languages=["ar", "en"],
        en=Text(
            "Delegation from Lebanon",
            "A Lebanese delegation came to Hamm for a study tour and a project workshop on local economic development.",
            "For Lebanese municipal staff working on local economic development.",
            "The delegation learnt how Hamm promotes its local economy and worked on its own project ideas in a workshop.",
        ),
        de=Text(
            "Delegation aus dem Libanon",
            "Eine libanesische Delegation kam zu einer Studienreise und einer Projektwerkstatt zur lokalen Wirtschaftsentwicklung nach Hamm.",
            "Für libanesische Kommunalbeschäftigte, die an lokaler Wirtschaftsentwicklung arbeiten.",
            "Die Delegation lernte, wie Hamm seine lokale Wirtschaft fördert, und arbeitete in einer Werkstatt an ihren eigenen Projektideen.",
        ),
    ),
    Event(
        slug="strategies-for-a-digital-city-nuremberg",
        format=DIALOGUE,
        start="2018-10-23",
        end="2018-10-25",
        cluster=GUG,
        field_of_action=DIGITAL,
        region=GERMANY,
        country="DE",
        host="nuremberg",
        city=("Nuremberg", "Nürnberg"),
        en=Text(
            "Strategies for a Digital City – Challenges and Opportunities",
            "A dialogue event in Nuremberg on how municipalities plan their digital transformation.",
            "For staff of municipal IT, e-government and strategy units who bring a digital project or challenge from their city.",
            "Participants compared digital strategies and online services. Nablus brought the digitalisation of its administration, which became a supported project with an expert mission in December 2019.",
        ),
        de=Text(
            "Strategien für eine digitale Stadt – Herausforderungen und Chancen",
            "Eine Dialogveranstaltung in Nürnberg dazu, wie Kommunen ihren digitalen Wandel planen.",
            "Für Beschäftigte kommunaler IT-, E-Government- und Strategieeinheiten, die ein digitales Vorhaben oder eine Herausforderung aus ihrer Stadt mitbringen.",
            "Die Teilnehmenden verglichen Digitalstrategien und Online-Dienste. Nablus brachte die Digitalisierung seiner Verwaltung mit; daraus wurde ein gefördertes Projekt mit einer Expertenmission im Dezember 2019.",
        ),
    ),
    Event(
        slug="climate-proofing-urban-development-dortmund",
        format=DIALOGUE,
        start="2019-09-03",
        end="2019-09-05",
        cluster=IUD,
        region=GERMANY,
        country="DE",
        host="dortmund",
        city=("Dortmund", "Dortmund"),
        figures=[
            ("~30", "practitioners", "Fachleute"),
            ("12", "cities", "Städte"),
            ("10", "countries", "Länder"),
            ("6", "project ideas", "Projektideen"),
        ],
        en=Text(
            "Climate Proofing Urban Development",
            "Around 30 practitioners from 12 cities in 10 countries met in Dortmund to make urban development fit for a changing climate.",
            "For urban planners and climate officers who bring a practice or challenge of climate adaptation from their city.",
            "Participants visited Phoenix lake in Dortmund-Hörde as an example of structural change and developed six project ideas. One of them became the partnership of Kumasi and Dortmund on climate-adapted urban development.",
        ),
        de=Text(
            "Klimagerechte Stadtentwicklung",
            "Rund 30 Fachleute aus 12 Städten in 10 Ländern trafen sich in Dortmund, um die Stadtentwicklung für ein sich wandelndes Klima zu rüsten.",
            "Für Stadtplanerinnen und -planer und Klimaschutzbeauftragte, die eine gute Praxis oder Herausforderung der Klimaanpassung aus ihrer Stadt mitbringen.",
            "Die Teilnehmenden besuchten den Phoenix-See in Dortmund-Hörde als Beispiel für den Strukturwandel und entwickelten sechs Projektideen. Aus einer davon wurde die Partnerschaft von Kumasi und Dortmund für eine klimaangepasste Stadtentwicklung.",
        ),
    ),
    Event(
        slug="avoiding-collecting-and-recycling-plastic-waste-hamburg",
        format=DIALOGUE,
        start="2019-12-03",
        end="2019-12-05",
        cluster=MS,
        field_of_action=WASTE,
        region=GERMANY,
        country="DE",
        host="hamburg",
        city=("Hamburg", "Hamburg"),
        partners=["stadtreinigung-hamburg"],
        en=Text(
            "Avoiding, collecting and recycling plastic waste",
            "A dialogue event with Stadtreinigung Hamburg on how cities can avoid plastic waste, and collect and recycle what remains.",
            "For municipal waste managers who bring a practice or challenge on plastic waste from their city.",
            "Participants compared approaches from avoiding single-use plastics to separate collection and recycling, and learnt from the experience of Stadtreinigung Hamburg.",
        ),
        de=Text(
            "Plastikabfälle vermeiden, sammeln und verwerten",
            "Eine Dialogveranstaltung mit der Stadtreinigung Hamburg dazu, wie Städte Plastikabfälle vermeiden und den Rest sammeln und verwerten können.",
            "Für kommunale Abfallfachleute, die eine gute Praxis oder Herausforderung zu Plastikabfällen aus ihrer Stadt mitbringen.",
            "Die Teilnehmenden verglichen Ansätze von der Vermeidung von Einwegplastik bis zu Getrenntsammlung und Recycling und lernten aus den Erfahrungen der Stadtreinigung Hamburg.",
        ),
    ),
    Event(
        slug="digitalisation-of-the-administration-of-nablus-mission",
        format=MISSION,
        start="2019-12-27",
        end="2019-12-30",
        cluster=GUG,
        field_of_action=DIGITAL,
        region=MENA,
        country="PS",
        host="nablus",
        city=("Nablus", "Nablus"),
        languages=["ar", "en"],
        en=Text(
            "Digitalisation of the administration of Nablus",
            "German experts travelled to Nablus to advise the municipality on digitalising its administration.",
            "For experts from German municipalities with experience in e-government and online services.",
            "The experts and the municipality's IT unit went through the administration's services and agreed on the next steps for making them digital.",
        ),
        de=Text(
            "Digitalisierung der Stadtverwaltung Nablus",
            "Deutsche Fachleute reisten nach Nablus, um die Stadt bei der Digitalisierung ihrer Verwaltung zu beraten.",
            "Für Fachleute aus deutschen Kommunen mit Erfahrung in E-Government und Online-Diensten.",
            "Die Fachleute gingen mit der IT-Abteilung der Stadt die Dienstleistungen der Verwaltung durch und vereinbarten die nächsten Schritte zu ihrer Digitalisierung.",
        ),
    ),
    Event(
        slug="water-wastewater-and-urban-mobility-services-ssa-virtual",
        format=DIALOGUE,
        start="2020-09-07",
        end="2020-09-18",
        cluster=MS,
        region=SSA,
        online=True,
        figures=[
            ("43", "participants", "Teilnehmende"),
            ("24", "cities", "Städte"),
            (
                "8",
                "countries: seven African and Germany",
                "Länder: sieben afrikanische und Deutschland",
            ),
        ],
        en=Text(
            "Improving efficiency and effectiveness in water, wastewater and urban mobility services",
            "A virtual dialogue event over two weeks: 43 participants from 24 cities in seven African countries and Germany compared how they run water, wastewater and mobility services.",
            "For staff of municipalities and utilities in Sub-Saharan Africa and Germany who are responsible for water, wastewater or urban mobility.",
            "In online sessions over two weeks, 43 participants from 24 cities discussed how to provide water, wastewater and transport services more efficiently and effectively.",
        ),
        de=Text(
            "Wasser, Abwasser und städtische Mobilität effizienter und wirksamer gestalten",
            "Eine virtuelle Dialogveranstaltung über zwei Wochen: 43 Teilnehmende aus 24 Städten in sieben afrikanischen Ländern und Deutschland verglichen, wie sie Wasser, Abwasser und Mobilität organisieren.",
            "Für Beschäftigte von Kommunen und Versorgungsbetrieben in Subsahara-Afrika und Deutschland, die für Wasser, Abwasser oder städtische Mobilität verantwortlich sind.",
            "In Online-Sitzungen über zwei Wochen diskutierten 43 Teilnehmende aus 24 Städten, wie sich Wasser-, Abwasser- und Verkehrsdienstleistungen effizienter und wirksamer erbringen lassen.",
        ),
    ),
    Event(
        slug="regional-and-intermunicipal-land-management-virtual",
        format=DIALOGUE,
        start="2020-11-18",
        end="2020-11-20",
        cluster=IUD,
        region=MENA,
        online=True,
        en=Text(
            "Sustainable and resilient, regional and intermunicipal land management",
            "A virtual dialogue event on how cities and their neighbours can manage land sustainably and plan together across municipal borders.",
            "For municipal and regional planners who work on land use, land policy or cooperation between neighbouring municipalities.",
            "Planners compared tools for managing land. Greater Amman Municipality's plan for undeveloped land, discussed here with planners from Munich and Frankfurt, became a supported project.",
        ),
        de=Text(
            "Nachhaltiges und resilientes, regionales und interkommunales Flächenmanagement",
            "Eine virtuelle Dialogveranstaltung dazu, wie Städte und ihre Nachbarn Flächen nachhaltig bewirtschaften und über Gemeindegrenzen hinweg gemeinsam planen können.",
            "Für kommunale und regionale Planerinnen und Planer, die an Flächennutzung, Bodenpolitik oder interkommunaler Zusammenarbeit arbeiten.",
            "Die Planerinnen und Planer verglichen Instrumente des Flächenmanagements. Der Plan der Stadt Groß-Amman für unbebaute Flächen, hier mit Fachleuten aus München und Frankfurt besprochen, wurde ein gefördertes Projekt.",
        ),
    ),
    Event(
        slug="municipal-response-to-covid-19-global-exchange",
        format=WEBINAR,
        start="2020-11-23",
        end="2020-12-03",
        cluster=GUG,
        field_of_action=CRISIS,
        region=None,
        online=True,
        figures=[("8", "topics", "Themen"), ("18+", "sessions", "Sitzungen")],
        en=Text(
            "Municipal response to COVID-19 – global exchange",
            "A virtual series of more than 18 sessions on eight topics: how municipalities around the world responded to the pandemic.",
            "For municipal practitioners from all regions who want to share what their city did during the pandemic and learn from others.",
            "More than 18 sessions on eight topics covered the local economy and industry, crisis management, digitalisation and communication, and public health.",
        ),
        de=Text(
            "Kommunale Antworten auf COVID-19 – globaler Austausch",
            "Eine virtuelle Reihe mit mehr als 18 Sitzungen zu acht Themen: Wie Kommunen weltweit auf die Pandemie reagiert haben.",
            "Für kommunale Fachleute aus allen Regionen, die teilen wollen, was ihre Stadt in der Pandemie getan hat, und von anderen lernen möchten.",
            "Mehr als 18 Sitzungen zu acht Themen behandelten lokale Wirtschaft und Industrie, Krisenmanagement, Digitalisierung und Kommunikation sowie öffentliche Gesundheit.",
        ),
    ),
    Event(
        slug="covid-19-local-vaccination-strategies-and-communication",
        format=DIALOGUE,
        start="2021-03-22",
        end="2021-03-25",
        cluster=GUG,
        field_of_action=HEALTH,
        region=None,
        online=True,
        en=Text(
            "COVID-19: local implementation of vaccination strategies and related communication",
            "A virtual response dialogue on how municipalities organise vaccination locally and explain it to their residents.",
            "Municipal experts wanted: health and communication staff who organise or explain vaccination campaigns in their city.",
            "In sessions on 22 and 25 March, participants compared how they organise vaccination locally and how they reach residents who hesitate. The exchange led to a project on communication for local vaccination campaigns.",
        ),
        de=Text(
            "COVID-19: Impfstrategien vor Ort umsetzen und kommunizieren",
            "Ein virtueller Austausch dazu, wie Kommunen Impfungen vor Ort organisieren und ihren Einwohnerinnen und Einwohnern erklären.",
            "Kommunale Fachleute gesucht: Beschäftigte aus Gesundheit und Kommunikation, die Impfkampagnen in ihrer Stadt organisieren oder erklären.",
            "In Sitzungen am 22. und 25. März verglichen die Teilnehmenden, wie sie Impfungen vor Ort organisieren und zögernde Menschen erreichen. Aus dem Austausch entstand ein Projekt zur Kommunikation lokaler Impfkampagnen.",
        ),
    ),
    Event(
        slug="urban-gardening-virtual-berlin",
        format=DIALOGUE,
        start="2021-04-20",
        end="2021-04-22",
        cluster=IUD,
        field_of_action=GARDENING,
        region=GERMANY,
        country="DE",
        host="berlin",
        online=True,
        figures=[("16", "cities", "Städte"), ("9", "countries", "Länder")],
        en=Text(
            "Urban Gardening",
            "A virtual dialogue event with five Berlin districts: practitioners from 16 cities in nine countries on gardens in the city.",
            "For municipal staff and community initiatives who create or support urban gardens.",
            "Five Berlin districts showed how they support community gardens, and participants from 16 cities in nine countries presented their own. Dresden and Brazzaville took the exchange further in a partnership on urban gardening.",
        ),
        de=Text(
            "Urban Gardening",
            "Eine virtuelle Dialogveranstaltung mit fünf Berliner Bezirken: Fachleute aus 16 Städten in neun Ländern über Gärten in der Stadt.",
            "Für Beschäftigte von Kommunen und gemeinschaftliche Initiativen, die urbane Gärten anlegen oder unterstützen.",
            "Fünf Berliner Bezirke zeigten, wie sie Gemeinschaftsgärten unterstützen, und Teilnehmende aus 16 Städten in neun Ländern stellten ihre eigenen vor. Dresden und Brazzaville führten den Austausch in einer Partnerschaft zu Urban Gardening weiter.",
        ),
    ),
    Event(
        slug="sustainable-urban-energy-planning-southeast-europe-virtual",
        format=DIALOGUE,
        start="2021-05-17",
        end="2021-05-21",
        cluster=MS,
        region=SEE,
        online=True,
        figures=[("~90", "experts", "Fachleute"), ("9", "countries", "Länder")],
        en=Text(
            "Sustainable Urban Energy Planning in Southeast Europe",
            "Around 90 experts from nine countries of South-East Europe discussed how municipalities plan for energy efficiency and renewable energy.",
            "For municipal energy managers and planners in South-East Europe.",
            "Around 90 experts from nine countries compared municipal energy plans, programmes for renovating public buildings and first steps towards renewable energy in their cities.",
        ),
        de=Text(
            "Nachhaltige kommunale Energieplanung in Südosteuropa",
            "Rund 90 Fachleute aus neun Ländern Südosteuropas diskutierten, wie Kommunen Energieeffizienz und erneuerbare Energien planen.",
            "Für kommunale Energiemanagerinnen und -manager und Planende in Südosteuropa.",
            "Rund 90 Fachleute aus neun Ländern verglichen kommunale Energiepläne, Programme zur Sanierung öffentlicher Gebäude und erste Schritte zu erneuerbaren Energien in ihren Städten.",
        ),
    ),
    Event(
        slug="social-entrepreneurship-enriches-municipalities-virtual",
        format=DIALOGUE,
        start="2021-09-20",
        end="2021-09-23",
        cluster=LED,
        field_of_action=START_UPS,
        region=GERMANY,
        country="DE",
        host="kiel",
        online=True,
        en=Text(
            "Social entrepreneurship enriches municipalities",
            "A virtual dialogue event hosted by Kiel on how municipalities can support social enterprises.",
            "For municipal economic development staff and for social entrepreneurs who work with their city.",
            "In sessions on 20, 21 and 23 September, participants discussed what social enterprises contribute to their cities and how municipalities can support them. Kampala, Karlsruhe and Strasbourg continued the exchange as a trialogue for social entrepreneurship.",
        ),
        de=Text(
            "Soziales Unternehmertum bereichert Kommunen",
            "Eine virtuelle Dialogveranstaltung mit Kiel als Gastgeber dazu, wie Kommunen Sozialunternehmen unterstützen können.",
            "Für Beschäftigte der kommunalen Wirtschaftsförderung und für Sozialunternehmerinnen und -unternehmer, die mit ihrer Stadt zusammenarbeiten.",
            "In Sitzungen am 20., 21. und 23. September diskutierten die Teilnehmenden, was Sozialunternehmen zu ihren Städten beitragen und wie Kommunen sie unterstützen können. Kampala, Karlsruhe und Straßburg setzten den Austausch als Trialog für soziales Unternehmertum fort.",
        ),
    ),
    Event(
        slug="raising-awareness-of-the-sdgs-in-manizales",
        format=LOCAL_WORKSHOP,
        start="2021-09",
        end="2021-11",
        cluster=GUG,
        region=LATAM,
        country="CO",
        host="manizales",
        online=True,
        languages=["es"],
        en=Text(
            "Raising awareness among citizens of Manizales about the SDGs",
            "A virtual local project workshop on how Manizales can make the Sustainable Development Goals known to its residents and turn them into local action.",
            "For staff of the City of Manizales and peers with experience in localising the SDGs.",
            "Between September and November 2021, Manizales and its peers worked on ways of explaining the SDGs to residents and linking them to transformative local actions.",
        ),
        de=Text(
            "Bürgerinnen und Bürger von Manizales für die SDGs gewinnen",
            "Eine virtuelle lokale Projektwerkstatt dazu, wie Manizales die Ziele für nachhaltige Entwicklung bei seinen Einwohnerinnen und Einwohnern bekannt machen und in lokales Handeln übersetzen kann.",
            "Für Beschäftigte der Stadt Manizales und Fachleute mit Erfahrung in der Lokalisierung der SDGs.",
            "Von September bis November 2021 erarbeiteten Manizales und seine Partner Wege, den Einwohnerinnen und Einwohnern die SDGs zu erklären und sie mit lokalen Maßnahmen des Wandels zu verbinden.",
        ),
    ),
    Event(
        slug="community-development-plan-tareq-b-amman",
        format=MISSION,
        start="2021-11-10",
        end="2021-11-10",
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        online=True,
        partners=["munich", "frankfurt-am-main"],
        languages=["ar", "en"],
        en=Text(
            "Community development plan for the Tareq B area, Greater Amman",
            "An online expert assignment: planners from Munich and Frankfurt advised Greater Amman Municipality on its community development plan for the Tareq B area.",
            "For planners from German municipalities with experience in developing new urban districts.",
            "The experts commented on the draft plan for Tareq B, one step in Greater Amman's work on a sustainable land use plan for undeveloped land.",
        ),
        de=Text(
            "Gemeindeentwicklungsplan für das Gebiet Tareq B in Groß-Amman",
            "Ein Online-Experteneinsatz: Planerinnen und Planer aus München und Frankfurt berieten die Stadt Groß-Amman zu ihrem Gemeindeentwicklungsplan für das Gebiet Tareq B.",
            "Für Planerinnen und Planer aus deutschen Kommunen mit Erfahrung in der Entwicklung neuer Stadtquartiere.",
            "Die Fachleute kommentierten den Entwurf für Tareq B, einen Schritt in Groß-Ammans Arbeit an einem nachhaltigen Flächennutzungsplan für unbebaute Flächen.",
        ),
    ),
    Event(
        slug="urban-gardening-and-community-based-initiatives-brazzaville-dresden",
        format=MISSION,
        start="2021-11-16",
        end="2021-11-16",
        cluster=IUD,
        field_of_action=GARDENING,
        region=SSA,
        host="brazzaville",
        online=True,
        partners=["dresden"],
        languages=["fr", "de"],
        en=Text(
            "Urban gardening and the role of community-based initiatives",
            "A virtual project workshop in which Brazzaville and Dresden compared how community-based initiatives keep urban gardens going.",
            "For staff of Brazzaville and Dresden and the community initiatives that run gardens in the two cities.",
            "Experts from Dresden and Brazzaville discussed how a city can support the community-based initiatives that run gardens, as part of their partnership on urban gardening.",
        ),
        de=Text(
            "Urban Gardening und die Rolle gemeinschaftlicher Initiativen",
            "Eine virtuelle Projektwerkstatt, in der Brazzaville und Dresden verglichen, wie gemeinschaftliche Initiativen urbane Gärten am Leben halten.",
            "Für Beschäftigte aus Brazzaville und Dresden und die gemeinschaftlichen Initiativen, die in beiden Städten Gärten betreiben.",
            "Fachleute aus Dresden und Brazzaville besprachen im Rahmen ihrer Partnerschaft zu Urban Gardening, wie eine Stadt die gemeinschaftlichen Initiativen unterstützen kann, die Gärten betreiben.",
        ),
    ),
    Event(
        slug="climate-impacts-viticulture-and-tourism-eltville-tunuyan",
        format=MISSION,
        start="2021-12-09",
        end="2021-12-09",
        cluster=IUD,
        region=LATAM,
        host="tunuyan",
        online=True,
        partners=["eltville-am-rhein"],
        languages=["es", "de"],
        en=Text(
            "Climate impacts in municipalities with viticulture and tourism",
            "Two wine-growing towns, Eltville am Rhein and Tunuyán, compared how climate change affects their vineyards and their tourism.",
            "For staff of Eltville am Rhein and Tunuyán and experts on climate adaptation in wine-growing regions.",
            "Eltville and Tunuyán described the effects of climate change they already see and agreed to keep working together, which became the project on protecting viticulture and tourism from climate change.",
        ),
        de=Text(
            "Klimafolgen in Kommunen mit Weinbau und Tourismus",
            "Zwei Weinbaustädte, Eltville am Rhein und Tunuyán, verglichen, wie der Klimawandel ihren Weinbau und ihren Tourismus trifft.",
            "Für Beschäftigte aus Eltville am Rhein und Tunuyán und Fachleute für Klimaanpassung in Weinbauregionen.",
            "Eltville und Tunuyán beschrieben die Folgen des Klimawandels, die sie schon heute sehen, und vereinbarten, weiter zusammenzuarbeiten; daraus wurde das Projekt zum Schutz von Weinbau und Tourismus vor dem Klimawandel.",
        ),
    ),
    Event(
        slug="trialogue-for-social-entrepreneurship-kampala",
        format=MISSION,
        start="2022-07-03",
        end="2022-07-10",
        cluster=LED,
        field_of_action=START_UPS,
        region=SSA,
        country="UG",
        host="kampala",
        city=("Kampala", "Kampala"),
        partners=["karlsruhe"],
        en=Text(
            "Trialogue for social entrepreneurship",
            "An expert mission from Karlsruhe to Kampala: the two cities exchanged on how they support social enterprises.",
            "For staff of Karlsruhe's economic development and peers who support social enterprises in their cities.",
            "The experts from Karlsruhe met Kampala Capital City Authority and social entrepreneurs in Kampala and discussed how the city can support them. The visit was part of the trialogue for social entrepreneurship.",
        ),
        de=Text(
            "Trialog für soziales Unternehmertum",
            "Eine Expertenmission von Karlsruhe nach Kampala: Die beiden Städte tauschten sich darüber aus, wie sie Sozialunternehmen unterstützen.",
            "Für Beschäftigte der Karlsruher Wirtschaftsförderung und Fachleute, die in ihren Städten Sozialunternehmen unterstützen.",
            "Die Fachleute aus Karlsruhe trafen die Kampala Capital City Authority und Sozialunternehmerinnen und -unternehmer in Kampala und besprachen, wie die Stadt sie unterstützen kann. Der Besuch war Teil des Trialogs für soziales Unternehmertum.",
        ),
    ),
    Event(
        slug="sustainability-and-social-standards-in-land-use-planning-study-tour",
        format=STUDY_TOUR,
        start="2022-08-14",
        end="2022-08-20",
        cluster=IUD,
        region=MENA,
        country="DE",
        city=(
            "Münster, Dortmund, Cologne and Frankfurt",
            "Münster, Dortmund, Köln und Frankfurt",
        ),
        partners=[
            "greater-amman-municipality",
            "muenster",
            "dortmund",
            "cologne",
            "frankfurt-am-main",
        ],
        languages=["ar", "en"],
        figures=[("11", "planners from Greater Amman", "Planende aus Groß-Amman")],
        en=Text(
            "Exchange on sustainability and social standards in land-use planning",
            "Planners from Greater Amman Municipality travelled to Münster, Dortmund, Cologne and Frankfurt to learn about current sustainability and social standards in land-use planning.",
            "For planners of Greater Amman Municipality working on the land use plan for undeveloped land.",
            "Eleven planners from Greater Amman saw how the four cities set sustainability and social standards in their land-use plans and discussed what this means for the new districts in Amman.",
        ),
        de=Text(
            "Austausch zu Nachhaltigkeits- und Sozialstandards in der Bauleitplanung",
            "Planerinnen und Planer der Stadt Groß-Amman reisten nach Münster, Dortmund, Köln und Frankfurt, um aktuelle Nachhaltigkeits- und Sozialstandards in der Bauleitplanung kennenzulernen.",
            "Für Planerinnen und Planer der Stadt Groß-Amman, die am Flächennutzungsplan für unbebaute Flächen arbeiten.",
            "Elf Planerinnen und Planer aus Groß-Amman sahen, wie die vier Städte Nachhaltigkeits- und Sozialstandards in ihren Bebauungsplänen festlegen, und besprachen, was das für die neuen Stadtteile in Amman bedeutet.",
        ),
    ),
    Event(
        slug="water-sensitive-urban-planning-cologne",
        format=DIALOGUE,
        start="2022-12-06",
        end="2022-12-08",
        cluster=MS,
        region=GERMANY,
        country="DE",
        host="cologne",
        city=("Cologne", "Köln"),
        partners=["steb-koeln", "uclg"],
        figures=[
            ("41", "experts", "Fachleute"),
            ("16", "cities", "Städte"),
            ("8", "countries", "Länder"),
        ],
        en=Text(
            "Water-sensitive urban planning: managing heavy rain and storm water",
            "41 experts from 16 cities in eight countries met in Cologne to learn how cities can better manage heavy rain and storm water.",
            "For municipal planners and staff of drainage and water utilities who bring a practice or challenge on heavy rain from their city.",
            "Together with the Cologne drainage utility StEB Köln and UCLG, 41 experts from 16 cities in eight countries discussed how planning can give water more space and reduce flood damage. The results were published as a documentation.",
        ),
        de=Text(
            "Wassersensible Stadtplanung: Starkregen und Regenwasser besser bewältigen",
            "41 Fachleute aus 16 Städten in acht Ländern trafen sich in Köln, um zu lernen, wie Städte Starkregen und Regenwasser besser bewältigen können.",
            "Für kommunale Planerinnen und Planer und Beschäftigte von Stadtentwässerungs- und Wasserbetrieben, die eine gute Praxis oder Herausforderung zu Starkregen aus ihrer Stadt mitbringen.",
            "Gemeinsam mit den Stadtentwässerungsbetrieben Köln (StEB Köln) und UCLG diskutierten 41 Fachleute aus 16 Städten in acht Ländern, wie Planung dem Wasser mehr Raum geben und Überflutungsschäden verringern kann. Die Ergebnisse sind als Dokumentation erschienen.",
        ),
    ),
    Event(
        slug="action-for-cool-cities-module-2-amman",
        format=PEER_LEARNING,
        start="2023-03-07",
        end="2023-03-09",
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        city=("Amman", "Amman"),
        languages=["ar", "en"],
        figures=[("17", "municipalities", "Kommunen")],
        en=Text(
            "Action for Cool Cities – Module 2 ideation & prototyping workshop",
            "The second module of the learning process 'Action for Cool Cities' in Amman: ideas and prototypes for cooler buildings and more comfortable outdoor spaces.",
            "For the municipalities of the learning process, which began with a virtual kick-off on 30 November and 1 December 2022.",
            "Teams from 17 municipalities developed ideas and first prototypes for reducing carbon emissions from buildings and improving thermal comfort outdoors.",
        ),
        de=Text(
            "Action for Cool Cities – Modul 2: Workshop für Ideen und Prototypen",
            "Das zweite Modul des Lernprozesses „Action for Cool Cities“ in Amman: Ideen und Prototypen für kühlere Gebäude und angenehmere Außenräume.",
            "Für die Kommunen des Lernprozesses, der mit einem virtuellen Auftakt am 30. November und 1. Dezember 2022 begann.",
            "Teams aus 17 Kommunen entwickelten Ideen und erste Prototypen, um die CO₂-Emissionen von Gebäuden zu senken und den thermischen Komfort im Freien zu verbessern.",
        ),
    ),
    Event(
        slug="rebuilding-cities-in-times-of-war-part-2",
        format=WEBINAR,
        start="2023-04-27",
        end="2023-04-27",
        cluster=GUG,
        field_of_action=CRISIS,
        region=SEE,
        online=True,
        en=Text(
            "Strengthening resilience and capacity to rebuild cities in times of war (2nd part)",
            "The second part of a virtual series on how cities and their critical infrastructure can withstand war and be rebuilt.",
            "For municipal practitioners from Ukraine and their partner cities who work on critical infrastructure and reconstruction.",
            "Participants discussed how municipalities keep critical services running under attack and how they prepare reconstruction.",
        ),
        de=Text(
            "Resilienz und Wiederaufbau von Städten in Kriegszeiten stärken (2. Teil)",
            "Der zweite Teil einer virtuellen Reihe dazu, wie Städte und ihre kritische Infrastruktur Krieg standhalten und wieder aufgebaut werden können.",
            "Für kommunale Fachleute aus der Ukraine und ihren Partnerstädten, die an kritischer Infrastruktur und Wiederaufbau arbeiten.",
            "Die Teilnehmenden diskutierten, wie Kommunen wichtige Dienstleistungen unter Angriffen aufrechterhalten und den Wiederaufbau vorbereiten.",
        ),
    ),
    Event(
        slug="deep-dive-heat-in-the-city-bonn-luedenscheid",
        format=PRACTITIONERS,
        start="2023-10-30",
        end="2023-11-02",
        cluster=IUD,
        field_of_action=PUBLIC_SPACE,
        region=GERMANY,
        country="DE",
        host="bonn",
        city=("Bonn and Lüdenscheid", "Bonn und Lüdenscheid"),
        partners=["luedenscheid"],
        en=Text(
            "Deep Dive 'Heat in the City' – first in-person workshop",
            "The first in-person workshop of the Deep Dive 'Heat in the City' in Bonn and Lüdenscheid: how cities protect people from heat.",
            "For the municipal teams of the Deep Dive who work on heat action plans, shade and cooling in public space.",
            "The teams compared how their cities prepare for heat waves and visited examples in Bonn and Lüdenscheid. They took ideas home for their own heat action.",
        ),
        de=Text(
            "Deep Dive „Hitze in der Stadt“ – erster Präsenzworkshop",
            "Der erste Präsenzworkshop des Deep Dive „Hitze in der Stadt“ in Bonn und Lüdenscheid: Wie Städte Menschen vor Hitze schützen.",
            "Für die kommunalen Teams des Deep Dive, die an Hitzeaktionsplänen, Schatten und Kühlung im öffentlichen Raum arbeiten.",
            "Die Teams verglichen, wie sich ihre Städte auf Hitzewellen vorbereiten, und besuchten Beispiele in Bonn und Lüdenscheid. Sie nahmen Ideen für ihr eigenes Handeln gegen Hitze mit nach Hause.",
        ),
    ),
    Event(
        slug="urban-thinkers-campus-amman",
        format=CONFERENCE,
        start="2024-10-08",
        end="2024-10-10",
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        city=("Amman", "Amman"),
        languages=["ar", "en"],
        en=Text(
            "Urban Thinkers Campus",
            "An Urban Thinkers Campus in Amman, announced in the Connective Cities newsletter in June 2024: an open space for debating the future of cities.",
            "For practitioners from municipalities, civil society and research who want to discuss the future of cities in the region.",
            "Participants from municipalities and partner organisations debated integrated urban development in the region and brought in the experience of the Connective Cities network.",
        ),
        de=Text(
            "Urban Thinkers Campus",
            "Ein Urban Thinkers Campus in Amman, angekündigt im Connective-Cities-Newsletter im Juni 2024: ein offener Raum für Debatten über die Zukunft der Städte.",
            "Für Fachleute aus Kommunen, Zivilgesellschaft und Forschung, die über die Zukunft der Städte in der Region diskutieren wollen.",
            "Teilnehmende aus Kommunen und Partnerorganisationen diskutierten die integrierte Stadtentwicklung in der Region und brachten die Erfahrungen des Netzwerks Connective Cities ein.",
        ),
    ),
    Event(
        slug="action-planning-for-sustainability-reporting-berlin",
        format=DIALOGUE,
        start="2024-12-02",
        end="2024-12-04",
        cluster=GUG,
        region=GERMANY,
        country="DE",
        host="berlin",
        city=("Berlin", "Berlin"),
        en=Text(
            "Action planning for sustainability reporting",
            "The kick-off of a learning process on Voluntary Local Reviews and sustainability reports (VLR/VSR) in Berlin.",
            "For municipal staff who prepare or plan to prepare a Voluntary Local Review or a sustainability report for their city.",
            "The participating cities planned their next steps towards a review or report of their own and shared what they learnt from cities that have already published one.",
        ),
        de=Text(
            "Aktionsplanung für die Nachhaltigkeitsberichterstattung",
            "Der Auftakt eines Lernprozesses zu freiwilligen lokalen Berichten und Nachhaltigkeitsberichten (VLR/VSR) in Berlin.",
            "Für kommunale Beschäftigte, die einen freiwilligen lokalen Bericht (VLR) oder einen Nachhaltigkeitsbericht für ihre Stadt erstellen oder planen.",
            "Die teilnehmenden Städte planten ihre nächsten Schritte zu einem eigenen Bericht und lernten von Städten, die schon einen veröffentlicht haben.",
        ),
    ),
    Event(
        slug="decentralised-cooperation-and-heritage-driven-tourism-mena",
        format=WEBINAR,
        start="2025-03-20",
        end="2025-03-20",
        cluster=LED,
        region=MENA,
        online=True,
        languages=["ar", "en"],
        en=Text(
            "Celebrating decentralised cooperation and heritage-driven tourism",
            "An online insight session of the MENA network on partnerships between cities and on tourism built on cultural heritage.",
            "For municipal practitioners in the Middle East and North Africa and their partner cities.",
            "Cities showed how partnerships between municipalities support tourism built on their cultural heritage and what it brings to the local economy.",
        ),
        de=Text(
            "Dezentrale Zusammenarbeit und kulturerbebasierter Tourismus",
            "Eine Online-Insight-Session des MENA-Netzwerks zu Städtepartnerschaften und zu einem Tourismus, der auf dem kulturellen Erbe aufbaut.",
            "Für kommunale Fachleute in Nahost und Nordafrika und ihre Partnerstädte.",
            "Städte zeigten, wie Partnerschaften zwischen Kommunen einen Tourismus unterstützen, der auf ihrem kulturellen Erbe aufbaut, und was er der lokalen Wirtschaft bringt.",
        ),
    ),
    Event(
        slug="green-hydrogen-for-local-development-naivasha",
        format=PEER_LEARNING,
        start="2025-04-14",
        end="2025-04-17",
        cluster=LED,
        field_of_action=GREEN_ECONOMY,
        region=SSA,
        country="KE",
        host="naivasha",
        city=("Naivasha", "Naivasha"),
        en=Text(
            "Green Hydrogen for Local Development",
            "The first peer-learning workshop of the Hydrogen Cities working group in Naivasha: what green hydrogen can mean for local development.",
            "For the municipalities of the Hydrogen Cities working group.",
            "The working group explored where green hydrogen could create local value and jobs and what municipalities need to know before they engage.",
        ),
        de=Text(
            "Grüner Wasserstoff für die lokale Entwicklung",
            "Der erste Peer-Learning-Workshop der Arbeitsgruppe Hydrogen Cities in Naivasha: Was grüner Wasserstoff für die lokale Entwicklung bedeuten kann.",
            "Für die Kommunen der Arbeitsgruppe Hydrogen Cities.",
            "Die Arbeitsgruppe untersuchte, wo grüner Wasserstoff vor Ort Wertschöpfung und Arbeitsplätze schaffen könnte und was Kommunen wissen müssen, bevor sie sich engagieren.",
        ),
    ),
    Event(
        slug="waste-management-and-digitalisation-germany-lebanon",
        format=WEBINAR,
        start="2025-05-28",
        end="2025-05-28",
        cluster=MS,
        field_of_action=WASTE,
        region=MENA,
        online=True,
        partners=["nadeera"],
        en=Text(
            "Waste Management and Digitalisation: Germany and Lebanon",
            "An ad-hoc online event: German and Lebanese practitioners on digital tools in waste management.",
            "For waste managers from German and Lebanese municipalities and their partners.",
            "The Lebanese social enterprise Nadeera presented its digital tools for recycling, and German practitioners shared how digital tools help in their waste management.",
        ),
        de=Text(
            "Abfallwirtschaft und Digitalisierung: Deutschland und Libanon",
            "Eine kurzfristige Online-Veranstaltung: deutsche und libanesische Fachleute über digitale Werkzeuge in der Abfallwirtschaft.",
            "Für Abfallfachleute aus deutschen und libanesischen Kommunen und ihre Partner.",
            "Das libanesische Sozialunternehmen Nadeera stellte seine digitalen Werkzeuge für das Recycling vor, und deutsche Fachleute berichteten, wie digitale Werkzeuge ihrer Abfallwirtschaft helfen.",
        ),
    ),
    Event(
        slug="results-of-the-deep-dive-heat-in-the-city",
        format=WEBINAR,
        start="2025-06-12",
        end="2025-06-12",
        cluster=IUD,
        field_of_action=PUBLIC_SPACE,
        region=GERMANY,
        online=True,
        en=Text(
            "Results of the Deep Dive 'Heat in the City'",
            "An online event presenting what the Deep Dive 'Heat in the City' produced.",
            "For everyone interested in how cities protect people from heat, in the network and beyond.",
            "The municipal teams of the Deep Dive presented the measures against heat that they developed and tested, and what other cities can take from them.",
        ),
        de=Text(
            "Ergebnisse des Deep Dive „Hitze in der Stadt“",
            "Eine Online-Veranstaltung mit den Ergebnissen des Deep Dive „Hitze in der Stadt“.",
            "Für alle, die sich dafür interessieren, wie Städte Menschen vor Hitze schützen, im Netzwerk und darüber hinaus.",
            "Die kommunalen Teams des Deep Dive stellten die Maßnahmen gegen Hitze vor, die sie entwickelt und erprobt haben, und was andere Städte davon übernehmen können.",
        ),
    ),
    Event(
        slug="from-the-open-municipality-to-the-smart-city-mena",
        format=WEBINAR,
        start="2025-06-17",
        end="2025-06-17",
        cluster=GUG,
        field_of_action=DIGITAL,
        region=MENA,
        online=True,
        partners=["abu-dhabi", "ras-el-matn"],
        languages=["ar", "en"],
        en=Text(
            "From the Open Municipality to the Smart City",
            "An online insight session of the MENA network, in Arabic with English, on open government and digital municipal services.",
            "For municipal practitioners in the Middle East and North Africa who work on open government, data and digital services.",
            "Abu Dhabi City Municipality presented its municipal GIS, and Ras el-Matn its work towards an open municipality. Participants discussed which steps lead from transparency to smart city services.",
        ),
        de=Text(
            "Von der offenen Kommune zur Smart City",
            "Eine Online-Insight-Session des MENA-Netzwerks auf Arabisch mit Englisch zu offener Verwaltung und digitalen kommunalen Diensten.",
            "Für kommunale Fachleute in Nahost und Nordafrika, die an offener Verwaltung, Daten und digitalen Diensten arbeiten.",
            "Die Stadtverwaltung Abu Dhabi stellte ihr kommunales GIS vor, Ras el-Matn seine Arbeit an einer offenen Kommune. Die Teilnehmenden diskutierten, welche Schritte von der Transparenz zu Smart-City-Diensten führen.",
        ),
    ),
    Event(
        slug="resilient-cities-in-times-of-multiple-crises-expert-forum",
        format=CONFERENCE,
        start="2025-06-18",
        end="2025-06-18",
        cluster=GUG,
        field_of_action=CRISIS,
        region=SEE,
        country="DE",
        en=Text(
            "Resilient cities in times of multiple crises",
            "An expert forum at the 7th German-Ukrainian Municipal Partnership Conference on how cities stay resilient in times of multiple crises.",
            "For German and Ukrainian partner municipalities taking part in the conference.",
            "German and Ukrainian practitioners discussed how municipalities prepare for several crises at once and how partnerships between cities can help.",
        ),
        de=Text(
            "Resiliente Städte in Zeiten multipler Krisen",
            "Ein Fachforum auf der 7. Deutsch-Ukrainischen Partnerschaftskonferenz der Kommunen dazu, wie Städte in Zeiten multipler Krisen widerstandsfähig bleiben.",
            "Für deutsche und ukrainische Partnerkommunen, die an der Konferenz teilnehmen.",
            "Deutsche und ukrainische Fachleute diskutierten, wie sich Kommunen auf mehrere Krisen zugleich vorbereiten und wie Städtepartnerschaften dabei helfen können.",
        ),
    ),
    Event(
        slug="risk-informed-urban-development-west-africa-accra",
        format=PRACTITIONERS,
        start="2025-07-02",
        end="2025-07-04",
        cluster=GUG,
        field_of_action=CRISIS,
        region=SSA,
        country="GH",
        host="accra",
        city=("Accra", "Accra"),
        partners=[
            "resilience-initiative-africa",
            "civic",
            "african-union-commission",
            "ecowas-commission",
        ],
        languages=["en", "fr"],
        en=Text(
            "Risk-Informed Urban Development in West Africa and the ECOWAS region – 2nd workshop",
            "The second regional workshop on risk-informed urban development in Accra, with RIA, CIVIC, the African Union Commission and the ECOWAS Commission.",
            "For municipal planners and disaster risk managers from cities in West Africa and the ECOWAS region.",
            "Participants discussed how cities can take disaster and climate risks into account when they plan and build, with the Resilience Initiative Africa, CIVIC, the African Union Commission and the ECOWAS Commission.",
        ),
        de=Text(
            "Risikoinformierte Stadtentwicklung in Westafrika und der ECOWAS-Region – 2. Workshop",
            "Der zweite regionale Workshop zu risikoinformierter Stadtentwicklung in Accra, mit RIA, CIVIC, der Kommission der Afrikanischen Union und der ECOWAS-Kommission.",
            "Für kommunale Planerinnen und Planer und Fachleute für Katastrophenvorsorge aus Städten in Westafrika und der ECOWAS-Region.",
            "Die Teilnehmenden diskutierten mit der Resilience Initiative Africa, CIVIC, der Kommission der Afrikanischen Union und der ECOWAS-Kommission, wie Städte Katastrophen- und Klimarisiken beim Planen und Bauen berücksichtigen können.",
        ),
    ),
    Event(
        slug="hydrogen-cities-second-peer-learning-workshop-mombasa",
        format=PEER_LEARNING,
        start="2025-11-24",
        end="2025-11-27",
        cluster=LED,
        field_of_action=GREEN_ECONOMY,
        region=SSA,
        country="KE",
        host="mombasa",
        city=("Mombasa", "Mombasa"),
        en=Text(
            "Hydrogen Cities working group – 2nd peer-learning workshop",
            "The second peer-learning workshop of the Hydrogen Cities working group, in Mombasa.",
            "For the municipalities of the Hydrogen Cities working group.",
            "The working group continued its exchange on green hydrogen and local development that began in Naivasha in April 2025.",
        ),
        de=Text(
            "Arbeitsgruppe Hydrogen Cities – 2. Peer-Learning-Workshop",
            "Der zweite Peer-Learning-Workshop der Arbeitsgruppe Hydrogen Cities, in Mombasa.",
            "Für die Kommunen der Arbeitsgruppe Hydrogen Cities.",
            "Die Arbeitsgruppe setzte ihren Austausch über grünen Wasserstoff und lokale Entwicklung fort, der im April 2025 in Naivasha begonnen hatte.",
        ),
    ),
    Event(
        slug="financing-sustainable-urban-mobility-cali",
        format=PRACTITIONERS,
        start="2017-10-18",
        end="2017-10-20",
        cluster=MS,
        region=LATAM,
        country="CO",
        host="cali",
        city=("Cali", "Cali"),
        languages=["es", "en"],
        en=Text(
            "Joint workshop: Financing sustainable urban mobility",
            "A joint workshop in Cali on how cities can pay for sustainable urban mobility.",
            "For municipal transport planners and finance staff from cities in Latin America and Germany.",
            "Participants compared ways of financing public transport, cycling and walking, and discussed which sources of money are open to their cities.",
        ),
        de=Text(
            "Gemeinsamer Workshop: Nachhaltige städtische Mobilität finanzieren",
            "Ein gemeinsamer Workshop in Cali dazu, wie Städte nachhaltige Mobilität bezahlen können.",
            "Für kommunale Verkehrsplanerinnen und -planer und Finanzfachleute aus Städten in Lateinamerika und Deutschland.",
            "Die Teilnehmenden verglichen Wege, öffentlichen Verkehr, Rad- und Fußverkehr zu finanzieren, und diskutierten, welche Geldquellen ihren Städten offenstehen.",
        ),
    ),
    Event(
        slug="strengthening-local-economic-development-beirut",
        format=DIALOGUE,
        start="2017-10-24",
        end="2017-10-26",
        cluster=LED,
        region=MENA,
        country="LB",
        host="beirut",
        city=("Beirut", "Beirut"),
        partners=["united-cities-lebanon"],
        languages=["ar", "en"],
        en=Text(
            "Strengthening Local Economic Development",
            "A dialogue event in Beirut with United Cities Lebanon on how municipalities can strengthen their local economy.",
            "For staff of Lebanese municipalities and unions of municipalities who work on local economic development, and for their peers.",
            "With United Cities Lebanon (Cités Unies Liban), participants discussed how municipalities can create jobs and support local businesses, and began the exchange that continued in the practitioners' workshop of April 2018.",
        ),
        de=Text(
            "Lokale Wirtschaftsentwicklung stärken",
            "Eine Dialogveranstaltung in Beirut mit Cités Unies Liban dazu, wie Kommunen ihre lokale Wirtschaft stärken können.",
            "Für Beschäftigte libanesischer Kommunen und Gemeindeverbände, die an lokaler Wirtschaftsentwicklung arbeiten, und für ihre Kolleginnen und Kollegen.",
            "Mit Cités Unies Liban diskutierten die Teilnehmenden, wie Kommunen Arbeitsplätze schaffen und lokale Unternehmen unterstützen können, und begannen den Austausch, der im Praxisworkshop im April 2018 weiterging.",
        ),
    ),
    Event(
        slug="led-and-job-creation-in-mena-virtual",
        format=LOCAL_WORKSHOP,
        start="2021-01-19",
        end="2021-01-25",
        cluster=LED,
        region=MENA,
        online=True,
        languages=["ar", "en"],
        figures=[("6", "MENA municipalities", "Kommunen aus der MENA-Region")],
        en=Text(
            "LED and job creation in MENA",
            "A virtual local project workshop with six municipalities from the Middle East and North Africa on local economic development and jobs.",
            "For staff of the six participating municipalities and their peers.",
            "Six municipalities worked on project ideas for local economic development and job creation; the results were published by Connective Cities.",
        ),
        de=Text(
            "Lokale Wirtschaftsentwicklung und Beschäftigung in der MENA-Region",
            "Eine virtuelle lokale Projektwerkstatt mit sechs Kommunen aus Nahost und Nordafrika zu lokaler Wirtschaftsentwicklung und Arbeitsplätzen.",
            "Für Beschäftigte der sechs teilnehmenden Kommunen und ihre Kolleginnen und Kollegen.",
            "Sechs Kommunen arbeiteten an Projektideen für lokale Wirtschaftsentwicklung und Beschäftigung; Connective Cities hat die Ergebnisse veröffentlicht.",
        ),
    ),
    Event(
        slug="local-sdg-implementation-reporting-and-monitoring-virtual",
        format=DIALOGUE,
        start="2021-04",
        end="",
        cluster=GUG,
        region=GERMANY,
        country="DE",
        host="bonn",
        online=True,
        partners=["uclg", "platforma"],
        figures=[("~60", "practitioners", "Fachleute"), ("19", "countries", "Länder")],
        en=Text(
            "Strengthening local SDG implementation through reporting and monitoring",
            "A virtual dialogue event with the City of Bonn, UCLG and PLATFORMA on how cities report on and monitor their progress on the SDGs.",
            "For municipal staff who coordinate the SDGs in their city or prepare a local review.",
            "Around 60 practitioners from 19 countries compared how their cities report on the SDGs. Manizales took ideas from the exchange with Bonn into its work on engaging citizens for the SDGs.",
        ),
        de=Text(
            "Lokale Umsetzung der SDGs durch Berichterstattung und Monitoring stärken",
            "Eine virtuelle Dialogveranstaltung mit der Stadt Bonn, UCLG und PLATFORMA dazu, wie Städte über ihre Fortschritte bei den SDGs berichten und sie verfolgen.",
            "Für kommunale Beschäftigte, die die SDGs in ihrer Stadt koordinieren oder einen lokalen Bericht vorbereiten.",
            "Rund 60 Fachleute aus 19 Ländern verglichen, wie ihre Städte über die SDGs berichten. Manizales nahm Ideen aus dem Austausch mit Bonn in seine Arbeit mit Bürgerinnen und Bürgern für die SDGs mit.",
        ),
    ),
    Event(
        slug="launch-of-the-see-and-caucasus-regional-network",
        format=CONFERENCE,
        start="2021-04-26",
        end="2021-04-26",
        cluster=GUG,
        field_of_action=NETWORKS,
        region=SEE,
        online=True,
        figures=[
            ("~50", "participants", "Teilnehmende"),
            ("12", "countries", "Länder"),
        ],
        en=Text(
            "Launch of the South-East Europe and Caucasus regional network",
            "The virtual launch of the regional network of Connective Cities in South-East Europe and the Caucasus.",
            "For municipalities and municipal associations in South-East Europe and the Caucasus.",
            "Around 50 participants from 12 countries launched the regional network and named the themes they want to work on together.",
        ),
        de=Text(
            "Start des Regionalnetzwerks Südosteuropa und Kaukasus",
            "Der virtuelle Start des Regionalnetzwerks von Connective Cities in Südosteuropa und im Kaukasus.",
            "Für Kommunen und kommunale Verbände in Südosteuropa und im Kaukasus.",
            "Rund 50 Teilnehmende aus 12 Ländern starteten das Regionalnetzwerk und benannten die Themen, an denen sie gemeinsam arbeiten wollen.",
        ),
    ),
    Event(
        slug="land-use-planning-in-fast-growing-cities-virtual",
        format=DIALOGUE,
        start="2021-05-11",
        end="2021-05-14",
        cluster=IUD,
        region=None,
        online=True,
        figures=[("38", "participants", "Teilnehmende")],
        en=Text(
            "Sustainable, evidence-based and participatory land-use planning in fast-growing cities",
            "A virtual dialogue event on how fast-growing cities can plan land use on the basis of evidence, with their residents and with nature.",
            "For municipal planners in fast-growing cities who work on land-use plans and nature-based solutions.",
            "In sessions on 11, 12 and 14 May, 38 participants discussed data for planning, the participation of residents and nature-based solutions in growing cities.",
        ),
        de=Text(
            "Nachhaltige, evidenzbasierte und partizipative Flächennutzungsplanung in schnell wachsenden Städten",
            "Eine virtuelle Dialogveranstaltung dazu, wie schnell wachsende Städte ihre Flächennutzung auf Daten gestützt, mit ihren Einwohnerinnen und Einwohnern und mit der Natur planen können.",
            "Für kommunale Planerinnen und Planer in schnell wachsenden Städten, die an Flächennutzungsplänen und naturbasierten Lösungen arbeiten.",
            "In Sitzungen am 11., 12. und 14. Mai diskutierten 38 Teilnehmende über Daten für die Planung, die Beteiligung der Bevölkerung und naturbasierte Lösungen in wachsenden Städten.",
        ),
    ),
    Event(
        slug="launch-of-the-mena-regional-network",
        format=CONFERENCE,
        start="2021-06-15",
        end="2021-06-15",
        cluster=GUG,
        field_of_action=NETWORKS,
        region=MENA,
        online=True,
        languages=["ar", "en"],
        en=Text(
            "Launch of the MENA regional network",
            "The virtual launch of the regional network of Connective Cities in the Middle East and North Africa, in Arabic and English.",
            "For municipalities and municipal associations in the Middle East and North Africa.",
            "Municipalities from the region launched the network in Arabic and English and named the themes they want to work on together.",
        ),
        de=Text(
            "Start des Regionalnetzwerks Nahost und Nordafrika",
            "Der virtuelle Start des Regionalnetzwerks von Connective Cities in Nahost und Nordafrika, auf Arabisch und Englisch.",
            "Für Kommunen und kommunale Verbände in Nahost und Nordafrika.",
            "Kommunen aus der Region starteten das Netzwerk auf Arabisch und Englisch und benannten die Themen, an denen sie gemeinsam arbeiten wollen.",
        ),
    ),
    Event(
        slug="exploring-climate-finance-for-asian-cities-virtual",
        format=DIALOGUE,
        start="2021-09-28",
        end="2021-09-30",
        cluster=GUG,
        field_of_action=FINANCE,
        region=ASIA,
        online=True,
        en=Text(
            "Unturning the Stones – Exploring Climate Finance for Asian Cities",
            "A virtual dialogue event on the sources of climate finance open to Asian cities and how to reach them.",
            "For municipal planners and finance staff in Asian cities who prepare climate projects.",
            "Participants looked at the sources of climate finance open to cities and at what makes a climate project ready for financing.",
        ),
        de=Text(
            "Jeden Stein umdrehen – Klimafinanzierung für asiatische Städte",
            "Eine virtuelle Dialogveranstaltung zu den Quellen der Klimafinanzierung, die asiatischen Städten offenstehen, und wie man sie erreicht.",
            "Für kommunale Planerinnen und Planer und Finanzfachleute in asiatischen Städten, die Klimaprojekte vorbereiten.",
            "Die Teilnehmenden sahen sich die Quellen der Klimafinanzierung für Städte an und was ein Klimaprojekt finanzierungsreif macht.",
        ),
    ),
    Event(
        slug="renewable-energy-options-on-the-municipal-level-kick-off-tbilisi",
        format=DIALOGUE,
        start="2023-10-10",
        end="2023-10-12",
        cluster=MS,
        region=SEE,
        country="GE",
        host="tbilisi",
        city=("Tbilisi", "Tiflis"),
        en=Text(
            "Learning process 'Renewable Energy Options on the Municipal Level' – kick-off",
            "The kick-off in Tbilisi of a learning process on the renewable energy options municipalities have.",
            "For municipal energy managers and planners from South-East Europe and the Caucasus who want to develop renewable energy projects.",
            "The participating municipalities compared their starting points and chose the renewable energy projects they will work on in the learning process.",
        ),
        de=Text(
            "Lernprozess „Erneuerbare Energien auf kommunaler Ebene“ – Auftakt",
            "Der Auftakt eines Lernprozesses in Tiflis zu den Möglichkeiten, die Kommunen bei erneuerbaren Energien haben.",
            "Für kommunale Energiemanagerinnen und -manager und Planende aus Südosteuropa und dem Kaukasus, die Projekte für erneuerbare Energien entwickeln wollen.",
            "Die teilnehmenden Kommunen verglichen ihre Ausgangslagen und wählten die Projekte für erneuerbare Energien, an denen sie im Lernprozess arbeiten.",
        ),
    ),
    Event(
        slug="peer-exchange-senaki-eredvi",
        format=STUDY_TOUR,
        start="2024-04-10",
        end="2024-04-12",
        cluster=MS,
        region=SEE,
        country="GE",
        host="senaki",
        city=("Senaki", "Senaki"),
        partners=["eredvi"],
        en=Text(
            "Peer-to-peer exchange Senaki–Eredvi",
            "Eredvi visited Senaki for a peer-to-peer exchange on renewable energy for settlements of internally displaced people.",
            "For municipal staff of Senaki and Eredvi working on energy supply for settlements of internally displaced people.",
            "Staff of the two municipalities looked at renewable energy solutions for settlements of internally displaced people and discussed how Eredvi could apply them.",
        ),
        de=Text(
            "Peer-to-Peer-Austausch Senaki–Eredvi",
            "Eredvi besuchte Senaki zu einem Peer-to-Peer-Austausch über erneuerbare Energien für Siedlungen von Binnenvertriebenen.",
            "Für Beschäftigte von Senaki und Eredvi, die an der Energieversorgung von Siedlungen Binnenvertriebener arbeiten.",
            "Beschäftigte der beiden Kommunen sahen sich Lösungen mit erneuerbaren Energien für Siedlungen von Binnenvertriebenen an und besprachen, wie Eredvi sie anwenden könnte.",
        ),
    ),
    Event(
        slug="regional-renewable-energy-for-cities-workshop-tunis",
        format=PRACTITIONERS,
        start="2024-10-23",
        end="2024-10-25",
        cluster=MS,
        region=MENA,
        country="TN",
        host="tunis",
        city=("Tunis", "Tunis"),
        partners=["global-covenant-of-mayors", "city-climate-finance-gap-fund", "giz"],
        languages=["ar", "fr", "en"],
        en=Text(
            "Regional Renewable Energy for Cities Workshop",
            "A regional workshop in Tunis with the Global Covenant of Mayors, the City Climate Finance Gap Fund and GIZ's REMO project on renewable energy for cities.",
            "For municipal energy and climate staff from the Middle East and North Africa who prepare renewable energy projects.",
            "Participants worked on renewable energy projects for their cities and on how to prepare them for finance, with the Global Covenant of Mayors, the City Climate Finance Gap Fund and GIZ.",
        ),
        de=Text(
            "Regionaler Workshop: Erneuerbare Energien für Städte",
            "Ein regionaler Workshop in Tunis mit dem Global Covenant of Mayors, dem City Climate Finance Gap Fund und dem GIZ-Vorhaben REMO zu erneuerbaren Energien für Städte.",
            "Für kommunale Fachleute für Energie und Klima aus Nahost und Nordafrika, die Projekte für erneuerbare Energien vorbereiten.",
            "Die Teilnehmenden arbeiteten mit dem Global Covenant of Mayors, dem City Climate Finance Gap Fund und der GIZ an Projekten für erneuerbare Energien in ihren Städten und daran, sie finanzierungsreif zu machen.",
        ),
    ),
    Event(
        slug="tenth-anniversary-from-pilot-project-to-real-world-laboratory",
        format=CONFERENCE,
        start="2024-12-04",
        end="2024-12-04",
        cluster=GUG,
        field_of_action=NETWORKS,
        region=GERMANY,
        country="DE",
        host="berlin",
        city=("Berlin", "Berlin"),
        partners=["association-of-german-cities"],
        figures=[("65", "experts", "Fachleute"), ("15", "countries", "Länder")],
        en=Text(
            "10th anniversary event 'From pilot project to real-world laboratory for municipalities'",
            "Ten years of Connective Cities: 65 experts from 15 countries met at the Association of German Cities in Berlin.",
            "For members, partners and friends of the network from Germany and abroad.",
            "65 experts from 15 countries looked back on ten years of cities learning from cities and discussed how the network can remain a real-world laboratory for municipalities.",
        ),
        de=Text(
            "Jubiläumsveranstaltung zu zehn Jahren: „Vom Pilotprojekt zum Reallabor für Kommunen“",
            "Zehn Jahre Connective Cities: 65 Fachleute aus 15 Ländern trafen sich beim Deutschen Städtetag in Berlin.",
            "Für Mitglieder, Partner und Freunde des Netzwerks aus Deutschland und dem Ausland.",
            "65 Fachleute aus 15 Ländern blickten auf zehn Jahre zurück, in denen Städte von Städten gelernt haben, und diskutierten, wie das Netzwerk ein Reallabor für Kommunen bleiben kann.",
        ),
    ),
    Event(
        slug="municipal-sustainable-energy-production-and-efficiency-wuerzburg",
        format=DIALOGUE,
        start="",
        end="",
        cluster=MS,
        region=GERMANY,
        country="DE",
        host="wuerzburg",
        city=("Würzburg", "Würzburg"),
        partners=[
            "buffalo-city",
            "portmore",
            "kragujevac",
            "nablus",
            "skopje",
            "salga",
            "oldenburg",
            "hagen",
        ],
        en=Text(
            "Municipal sustainable energy production and efficiency: planning and implementing innovative solutions",
            "A dialogue event in Würzburg on how municipalities produce energy sustainably and use it efficiently. The exact date is not recorded.",
            "For municipal energy managers who bring an energy project or challenge from their city.",
            "Participants from Buffalo City, Portmore, Kragujevac, Nablus, Skopje, SALGA, Oldenburg and Hagen, among others, compared how they plan and implement innovative energy solutions.",
        ),
        de=Text(
            "Nachhaltige kommunale Energieerzeugung und Energieeffizienz: innovative Lösungen planen und umsetzen",
            "Eine Dialogveranstaltung in Würzburg dazu, wie Kommunen Energie nachhaltig erzeugen und effizient nutzen. Das genaue Datum ist nicht überliefert.",
            "Für kommunale Energiemanagerinnen und -manager, die ein Energieprojekt oder eine Herausforderung aus ihrer Stadt mitbringen.",
            "Teilnehmende unter anderem aus Buffalo City, Portmore, Kragujevac, Nablus, Skopje, von SALGA, aus Oldenburg und Hagen verglichen, wie sie innovative Energielösungen planen und umsetzen.",
        ),
    ),
]

# Practices presented at (or visited during) an event, by slug: the facts say so.
PRESENTED_AT = {
    "nadeera-digital-tools-for-recycling": "waste-management-and-digitalisation-germany-lebanon",
    "municipal-gis-abu-dhabi": "from-the-open-municipality-to-the-smart-city-mena",
    "open-government-ras-el-matn": "from-the-open-municipality-to-the-smart-city-mena",
    "phoenix-dortmund-hoerde": "climate-proofing-urban-development-dortmund",
    "andernach-eatable-city": "second-delegation-from-jordan",
}


# --- Events with applicants ----------------------------------------------------------


class Item(NamedTuple):
    """One programme slot: day of the event (0 = first), start and end time, and
    the title and description in English and German."""

    day: int
    starts: time
    ends: time
    title_en: str
    title_de: str
    text_en: str = ""
    text_de: str = ""
    speakers: str = ""


class Step(NamedTuple):
    """One step of a demo applicant, run through ``events.services``: ``apply``,
    ``accept``, ``waitlist``, ``decline``, ``confirm``, ``withdraw``, ``check_in``
    or ``no_show``. ``person`` is a key of ``community.demo.PEOPLE``."""

    person: str
    action: str
    reason: str = ""


@dataclass
class ProcessEvent:
    """An event with an open (or just finished) call and demo applicants.

    ``starts_in`` and ``days`` place it relative to the day of seeding; ``call`` is
    a list of paragraphs per language; ``steps`` run in order.
    """

    slug: str
    format: str
    starts_in: timedelta
    days: int
    cluster: str
    region: str
    country: str
    host: str
    city: tuple[str, str]
    venue: str
    en: Text
    de: Text
    call_en: list[str]
    call_de: list[str]
    programme: list[Item]
    steps: list[Step]
    capacity: int
    host_reserved: int = 0
    eligibility: str = Eligibility.SIGNED_IN
    selection: str = SelectionMode.SELECTION
    offer_hours: int | None = None
    field_of_action: str = ""
    online: bool = False
    partners: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])
    starts_at: time = time(9, 0)
    ends_at: time = time(16, 30)


UPCOMING = [
    ProcessEvent(
        slug="mena-dialogue-event-land-for-tomorrows-neighbourhoods-amman",
        format=DIALOGUE,
        starts_in=timedelta(weeks=5),
        days=3,
        cluster=IUD,
        region=MENA,
        country="JO",
        host="greater-amman-municipality",
        city=("Amman", "Amman"),
        venue="Greater Amman Municipality, Amman",
        partners=["munich", "frankfurt-am-main"],
        languages=["ar", "en"],
        capacity=25,
        host_reserved=5,
        eligibility=Eligibility.VERIFIED_MEMBERS,
        offer_hours=72,
        en=Text(
            "Land for tomorrow's neighbourhoods: MENA dialogue event on sustainable land management",
            "Planners from cities in the Middle East and North Africa and from Germany compare how they plan and manage land for growing cities – building on Greater Amman's land use plan for undeveloped land.",
            "",
        ),
        de=Text(
            "Flächen für die Quartiere von morgen: MENA-Dialogveranstaltung zu nachhaltigem Flächenmanagement",
            "Planerinnen und Planer aus Städten in Nahost, Nordafrika und Deutschland vergleichen, wie sie Flächen für wachsende Städte planen und bewirtschaften – aufbauend auf Groß-Ammans Flächennutzungsplan für unbebaute Flächen.",
            "",
        ),
        call_en=[
            "This dialogue event is for verified staff of member cities in the Middle East, North Africa and Germany who work on land-use planning, land management or the development of new districts.",
            "Please bring a good practice or a challenge from your city and be ready to present it in five minutes. The organisers select 25 participants for a good mix of cities, professions and experience; five places are kept for staff of Greater Amman Municipality. Working languages are Arabic and English.",
        ],
        call_de=[
            "Diese Dialogveranstaltung richtet sich an verifizierte Beschäftigte von Mitgliedsstädten in Nahost, Nordafrika und Deutschland, die an Flächennutzungsplanung, Flächenmanagement oder der Entwicklung neuer Stadtteile arbeiten.",
            "Bitte bringen Sie eine gute Praxis oder eine Herausforderung aus Ihrer Stadt mit und stellen Sie sie in fünf Minuten vor. Das Organisationsteam wählt 25 Teilnehmende aus, damit Städte, Berufe und Erfahrungen gut gemischt sind; fünf Plätze sind für Beschäftigte der Stadt Groß-Amman reserviert. Arbeitssprachen sind Arabisch und Englisch.",
        ],
        programme=[
            Item(
                0,
                time(9, 0),
                time(10, 30),
                "Welcome and introductions",
                "Begrüßung und Vorstellungsrunde",
                "Participants introduce themselves and the practice or challenge they bring.",
                "Die Teilnehmenden stellen sich und die mitgebrachte Praxis oder Herausforderung vor.",
            ),
            Item(
                0,
                time(11, 0),
                time(13, 0),
                "Planning undeveloped land in Greater Amman",
                "Unbebaute Flächen in Groß-Amman planen",
                "How Greater Amman Municipality plans new districts on undeveloped land, and what it learnt from planners in Munich and Frankfurt.",
                "Wie die Stadt Groß-Amman neue Stadtteile auf unbebauten Flächen plant und was sie von Planerinnen und Planern aus München und Frankfurt gelernt hat.",
                "Greater Amman Municipality",
            ),
            Item(
                0,
                time(14, 0),
                time(16, 30),
                "Peer clinic: challenges from the participating cities",
                "Kollegiale Beratung: Herausforderungen der teilnehmenden Städte",
                "Small groups work on the challenges participants brought.",
                "In kleinen Gruppen wird an den mitgebrachten Herausforderungen gearbeitet.",
            ),
            Item(
                1,
                time(9, 0),
                time(13, 0),
                "Site visit: the Tareq B area",
                "Ortsbesuch: das Gebiet Tareq B",
                "A visit to one of the areas covered by the community development plans.",
                "Ein Besuch in einem der Gebiete, für die Gemeindeentwicklungspläne entstehen.",
            ),
            Item(
                1,
                time(14, 0),
                time(16, 30),
                "Tools for managing land",
                "Instrumente des Flächenmanagements",
                "Land readjustment, land banking and intermunicipal cooperation compared.",
                "Umlegung, Flächenbevorratung und interkommunale Zusammenarbeit im Vergleich.",
            ),
            Item(
                2,
                time(9, 0),
                time(12, 30),
                "Project ideas and next steps",
                "Projektideen und nächste Schritte",
                "Participants turn what they learnt into project ideas for their cities and agree on follow-up.",
                "Die Teilnehmenden machen aus dem Gelernten Projektideen für ihre Städte und verabreden, wie es weitergeht.",
            ),
        ],
        steps=[
            Step("leila.haddad", "apply"),
            Step("omar.khatib", "apply"),
            Step("maya.karam", "apply"),
            Step("julia.becker", "apply"),
            Step("elena.trajkovska", "apply"),
            Step("ana.jovanovic", "apply"),
            Step("kwame.mensah", "apply"),
            Step("leila.haddad", "accept"),
            Step(
                "julia.becker",
                "accept",
                "Brings the experience of Munich's advice to Greater Amman.",
            ),
            Step("maya.karam", "accept"),
            Step("elena.trajkovska", "accept"),
            Step(
                "ana.jovanovic",
                "waitlist",
                "A good fit, but cities from the region come first.",
            ),
            Step(
                "kwame.mensah",
                "decline",
                "This event is for cities in the Middle East and North Africa; the SSA workshop in Kumasi suits your topic better.",
            ),
            Step("leila.haddad", "confirm"),
            Step("julia.becker", "confirm"),
            # Elena's place goes to the first on the waitlist as an offer (72 hours).
            Step(
                "elena.trajkovska",
                "withdraw",
                "Our city council meets on the same days.",
            ),
            Step("camila.restrepo", "apply"),
            Step(
                "camila.restrepo",
                "waitlist",
                "Places for cities outside the region only if some become free.",
            ),
        ],
    ),
    ProcessEvent(
        slug="ssa-practitioners-workshop-waste-management-kumasi",
        format=PRACTITIONERS,
        starts_in=timedelta(weeks=8),
        days=3,
        cluster=MS,
        field_of_action=WASTE,
        region=SSA,
        country="GH",
        host="kumasi",
        city=("Kumasi", "Kumasi"),
        venue="Kumasi Metropolitan Assembly, Kumasi",
        capacity=30,
        host_reserved=6,
        en=Text(
            "From collection to compost: SSA practitioners' workshop on waste management",
            "Waste managers from cities in Sub-Saharan Africa meet in Kumasi to work on separate collection, composting and the role of informal collectors – ten years after the first workshops on integrated waste management.",
            "",
        ),
        de=Text(
            "Von der Sammlung zum Kompost: Praxisworkshop zur Abfallwirtschaft in Subsahara-Afrika",
            "Abfallfachleute aus Städten in Subsahara-Afrika treffen sich in Kumasi, um an Getrenntsammlung, Kompostierung und der Rolle informeller Sammler zu arbeiten – zehn Jahre nach den ersten Workshops zur integrierten Abfallwirtschaft.",
            "",
        ),
        call_en=[
            "For practitioners from municipal waste departments in Sub-Saharan Africa, and for peers from Germany who can share experience with separate collection and composting. Anyone with an account may apply.",
            "Tell us which practice or challenge you bring. The organisers select up to 30 participants; six places are kept for staff of the host city, Kumasi. The working language is English.",
        ],
        call_de=[
            "Für Fachleute aus kommunalen Abfallbetrieben in Subsahara-Afrika und für Kolleginnen und Kollegen aus Deutschland, die Erfahrungen mit Getrenntsammlung und Kompostierung teilen können. Bewerben kann sich jede Person mit einem Konto.",
            "Sagen Sie uns, welche Praxis oder Herausforderung Sie mitbringen. Das Organisationsteam wählt bis zu 30 Teilnehmende aus; sechs Plätze sind für Beschäftigte der Gastgeberstadt Kumasi reserviert. Arbeitssprache ist Englisch.",
        ],
        programme=[
            Item(
                0,
                time(9, 0),
                time(10, 30),
                "Opening and market place of practices",
                "Eröffnung und Marktplatz der Praxisbeispiele",
                "Every city presents its practice or challenge on one poster.",
                "Jede Stadt stellt ihre Praxis oder Herausforderung auf einem Poster vor.",
            ),
            Item(
                0,
                time(11, 0),
                time(13, 0),
                "Separate collection that works",
                "Getrenntsammlung, die funktioniert",
                "What makes households separate their waste, and what collection needs to keep it separate.",
                "Was Haushalte zum Trennen bewegt und was die Sammlung braucht, damit es getrennt bleibt.",
            ),
            Item(
                0,
                time(14, 0),
                time(16, 30),
                "Working with informal collectors",
                "Zusammenarbeit mit informellen Sammlern",
                "How cities give informal and community-based collectors a place in the system.",
                "Wie Städte informellen und gemeinschaftlichen Sammlern einen Platz im System geben.",
            ),
            Item(
                1,
                time(9, 0),
                time(13, 0),
                "Field visit in Kumasi",
                "Exkursion in Kumasi",
                "Collection points and a composting site in the host city.",
                "Sammelstellen und eine Kompostierungsanlage in der Gastgeberstadt.",
            ),
            Item(
                2,
                time(9, 0),
                time(12, 30),
                "Action plans",
                "Aktionspläne",
                "Each city drafts its next steps and the support it wants from peers.",
                "Jede Stadt entwirft ihre nächsten Schritte und die Unterstützung, die sie sich von anderen wünscht.",
            ),
        ],
        steps=[
            Step("kwame.mensah", "apply"),
            Step("amina.njoroge", "apply"),
            Step("neema.mushi", "apply"),
            Step("thomas.wagner", "apply"),
            Step("maya.karam", "apply"),
            Step("giorgi.kapanadze", "apply"),
            Step("rami.saleh", "apply"),
            Step("kwame.mensah", "accept"),
            Step("amina.njoroge", "accept"),
            Step(
                "thomas.wagner", "accept", "Experience of a German municipal utility."
            ),
            Step(
                "maya.karam",
                "waitlist",
                "Bizerte's composting is a good example; we first select cities from the region.",
            ),
            Step(
                "giorgi.kapanadze",
                "decline",
                "The workshop is for cities in Sub-Saharan Africa and their German peers.",
            ),
            Step("kwame.mensah", "confirm"),
            Step("amina.njoroge", "confirm"),
            Step("rami.saleh", "withdraw", "I applied for the wrong event."),
        ],
    ),
    ProcessEvent(
        slug="online-peer-learning-workshop-heat-adaptation",
        format=PEER_LEARNING,
        starts_in=timedelta(weeks=12),
        days=2,
        cluster=IUD,
        field_of_action=PUBLIC_SPACE,
        region=SEE,
        country="",
        host="",
        city=("", ""),
        venue="",
        online=True,
        capacity=20,
        selection=SelectionMode.FIRST_COME,
        offer_hours=48,
        starts_at=time(10, 0),
        ends_at=time(12, 30),
        en=Text(
            "Cooler streets and squares: online peer-learning workshop on heat adaptation",
            "Two online mornings for cities that want to protect their residents from heat – building on the results of the Deep Dive 'Heat in the City'.",
            "",
        ),
        de=Text(
            "Kühlere Straßen und Plätze: Online-Peer-Learning-Workshop zur Anpassung an Hitze",
            "Zwei Online-Vormittage für Städte, die ihre Bevölkerung vor Hitze schützen wollen – aufbauend auf den Ergebnissen des Deep Dive „Hitze in der Stadt“.",
            "",
        ),
        call_en=[
            "For municipal staff from any region who work on heat action plans, shade, trees or cooling in public space. Anyone with an account may take part.",
            "Places are given in the order of applications: up to 20 people get a place at once, later applicants join the waitlist and are offered a freed place for 48 hours. The working language is English.",
        ],
        call_de=[
            "Für kommunale Beschäftigte aus allen Regionen, die an Hitzeaktionsplänen, Schatten, Bäumen oder Kühlung im öffentlichen Raum arbeiten. Teilnehmen kann jede Person mit einem Konto.",
            "Die Plätze werden in der Reihenfolge der Anmeldungen vergeben: Bis zu 20 Personen erhalten sofort einen Platz, spätere kommen auf die Warteliste und bekommen einen frei gewordenen Platz für 48 Stunden angeboten. Arbeitssprache ist Englisch.",
        ],
        programme=[
            Item(
                0,
                time(10, 0),
                time(10, 45),
                "What the Deep Dive 'Heat in the City' found",
                "Was der Deep Dive „Hitze in der Stadt“ ergeben hat",
                "A short summary of the measures the Deep Dive teams tested.",
                "Eine kurze Zusammenfassung der Maßnahmen, die die Teams des Deep Dive erprobt haben.",
            ),
            Item(
                0,
                time(11, 0),
                time(12, 30),
                "Peer learning in small groups: shade and trees",
                "Peer Learning in kleinen Gruppen: Schatten und Bäume",
                "Participants discuss their own plans with peers.",
                "Die Teilnehmenden besprechen ihre eigenen Pläne mit Kolleginnen und Kollegen.",
            ),
            Item(
                1,
                time(10, 0),
                time(11, 30),
                "Heat action plans and warning",
                "Hitzeaktionspläne und Warnungen",
                "How cities warn and protect vulnerable residents.",
                "Wie Städte warnen und besonders gefährdete Menschen schützen.",
            ),
            Item(
                1,
                time(11, 45),
                time(12, 30),
                "Next steps",
                "Nächste Schritte",
                "Each participant names one measure to take home.",
                "Alle Teilnehmenden nennen eine Maßnahme, die sie mitnehmen.",
            ),
        ],
        steps=[
            Step("julia.becker", "apply"),
            Step("elena.trajkovska", "apply"),
            Step("giorgi.kapanadze", "apply"),
            Step("camila.restrepo", "apply"),
            Step("leila.haddad", "apply"),
            Step("julia.becker", "confirm"),
            Step("giorgi.kapanadze", "confirm"),
        ],
    ),
]

# Last week's event: registrations run while it lies ahead, attendance once it has
# started, then it gets its real dates (see ``seed_recent_event``).
RECENT = ProcessEvent(
    slug="local-project-workshop-flood-management-dar-es-salaam",
    format=LOCAL_WORKSHOP,
    starts_in=timedelta(days=-8),
    days=3,
    cluster=GUG,
    field_of_action=CRISIS,
    region=SSA,
    country="TZ",
    host="dar-es-salaam",
    city=("Dar es Salaam", "Daressalam"),
    venue="Dar es Salaam City Council, Dar es Salaam",
    partners=["gidrm"],
    languages=["en", "sw"],
    capacity=20,
    host_reserved=4,
    en=Text(
        "Keeping the water out: local project workshop on flood management in Dar es Salaam",
        "Dar es Salaam and peers from Nairobi, Kumasi and Cologne worked on the city's plans for drainage and flood warning.",
        "",
        "Staff of Dar es Salaam and their peers looked at the city's drainage channels and flood-prone areas, compared how their cities warn residents before floods, and drafted project ideas for keeping channels clear and involving neighbourhoods in flood preparedness.",
    ),
    de=Text(
        "Das Wasser draußen halten: lokale Projektwerkstatt zum Hochwasserschutz in Daressalam",
        "Daressalam und Fachleute aus Nairobi, Kumasi und Köln arbeiteten an den Plänen der Stadt für Entwässerung und Hochwasserwarnung.",
        "",
        "Beschäftigte aus Daressalam und ihre Kolleginnen und Kollegen sahen sich die Entwässerungskanäle und überflutungsgefährdeten Gebiete der Stadt an, verglichen, wie ihre Städte vor Hochwasser warnen, und entwarfen Projektideen, um die Kanäle freizuhalten und die Stadtteile in die Hochwasservorsorge einzubeziehen.",
    ),
    call_en=[
        "For staff of Dar es Salaam working on drainage and flood risk, and for peers from other cities with experience in flood management. Anyone with an account may apply; the organisers select up to 20 participants, four places are kept for the host city.",
    ],
    call_de=[
        "Für Beschäftigte aus Daressalam, die an Entwässerung und Hochwasserrisiken arbeiten, und für Fachleute aus anderen Städten mit Erfahrung im Hochwasserschutz. Bewerben kann sich jede Person mit einem Konto; das Organisationsteam wählt bis zu 20 Teilnehmende aus, vier Plätze sind für die Gastgeberstadt reserviert.",
    ],
    programme=[
        Item(
            0,
            time(9, 0),
            time(16, 30),
            "Flood risk in Dar es Salaam",
            "Hochwasserrisiken in Daressalam",
            "The city's drainage system, flood-prone areas and plans.",
            "Das Entwässerungssystem der Stadt, gefährdete Gebiete und Pläne.",
        ),
        Item(
            1,
            time(9, 0),
            time(16, 30),
            "Site visits and peer advice",
            "Ortsbesuche und kollegiale Beratung",
            "Drainage channels and neighbourhoods, followed by advice from the peers.",
            "Entwässerungskanäle und Stadtteile, danach Beratung durch die Kolleginnen und Kollegen.",
        ),
        Item(
            2,
            time(9, 0),
            time(13, 0),
            "Project ideas",
            "Projektideen",
            "From the findings to ideas the city can take forward.",
            "Von den Erkenntnissen zu Ideen, die die Stadt weiterverfolgen kann.",
        ),
    ],
    steps=[
        Step("neema.mushi", "apply"),
        Step("amina.njoroge", "apply"),
        Step("thomas.wagner", "apply"),
        Step("kwame.mensah", "apply"),
        Step("julia.becker", "apply"),
        Step("neema.mushi", "accept"),
        Step("amina.njoroge", "accept"),
        Step("thomas.wagner", "accept"),
        Step("kwame.mensah", "accept"),
        Step("julia.becker", "accept"),
        Step("neema.mushi", "confirm"),
        Step("amina.njoroge", "confirm"),
        Step("thomas.wagner", "confirm"),
        Step("kwame.mensah", "confirm"),
        Step("julia.becker", "withdraw", "I cannot travel in these weeks after all."),
        # From here on the event has started.
        Step("neema.mushi", "check_in"),
        Step("amina.njoroge", "check_in"),
        Step("thomas.wagner", "check_in"),
        Step("kwame.mensah", "no_show"),
    ],
)


# --- Seeding ---------------------------------------------------------------------------


def _html(text: str) -> str:
    return (
        "<p>"
        + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        + "</p>"
    )


def _sections(paragraphs: list[str]) -> list[dict]:
    return [
        {"type": "section", "value": {"heading": "", "text": _html(text)}}
        for text in paragraphs
        if text
    ]


def _documentation(text: str, figures, language: str) -> list[dict]:
    """The results section and, where the facts give numbers, the figures."""
    blocks = []
    if text:
        blocks.append(
            {
                "type": "results",
                "value": {"heading": RESULTS_HEADING[language], "text": _html(text)},
            }
        )
    if figures:
        blocks.append(
            {
                "type": "figures",
                "value": {
                    "heading": FIGURES_HEADING[language],
                    "figures": [
                        {"value": value, "label": en if language == "en" else de}
                        for value, en, de in figures
                    ],
                },
            }
        )
    return blocks


def _programme(items: list[Item], first_day: date, language: str) -> list[dict]:
    return [
        {
            "type": "item",
            "value": {
                "day": first_day + timedelta(days=item.day),
                "starts": item.starts,
                "ends": item.ends,
                "title": item.title_en if language == "en" else item.title_de,
                "description": item.text_en if language == "en" else item.text_de,
                "speakers": item.speakers,
            },
        }
        for item in items
    ]


def _moment(value: str, tz: zoneinfo.ZoneInfo, at: time) -> datetime | None:
    """A fact's date (``YYYY-MM-DD`` or ``YYYY-MM``, the first of the month) at a
    local time of day; ``None`` for no date."""
    if not value:
        return None
    day = date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    return datetime.combine(day, at, tzinfo=tz)


def _online_link(slug: str) -> str:
    return f"https://meet.example.org/connective-cities/{slug}"


class Lookups:
    """The English taxonomy rows and the organisations the demo events refer to."""

    def __init__(self):
        english = locales()["en"]
        self.clusters = {c.slug: c for c in Cluster.objects.filter(locale=english)}
        self.fields = {f.slug: f for f in FieldOfAction.objects.filter(locale=english)}
        self.regions = {r.slug: r for r in Region.objects.filter(locale=english)}
        slugs = {e.host for e in [*EVENTS, *UPCOMING, RECENT] if e.host}
        for event in [*EVENTS, *UPCOMING, RECENT]:
            slugs.update(event.partners)
        self.organisations = Organisation.objects.in_bulk(slugs, field_name="slug")
        self.missing = slugs - set(self.organisations)

    def organisation(self, slug: str) -> Organisation | None:
        return self.organisations.get(slug) if slug else None

    def partners(self, slugs: list[str]) -> list[Organisation]:
        return [self.organisations[s] for s in slugs if s in self.organisations]


def seed_index(home: HomePage, log) -> tuple[EventIndexPage, EventIndexPage]:
    """The calendar under the English home page and its German translation; when
    first made, placed right after the knowledge base in the menu."""
    locale_map = locales()
    index = EventIndexPage.objects.filter(locale=locale_map["en"]).first()
    if index is None:
        title, intro = INDEX["en"]
        index = EventIndexPage(
            title=title, slug=INDEX_SLUG, intro=intro, show_in_menus=True
        )
        home.add_child(instance=index)
        publish(index)
        practices = GoodPracticeIndexPage.objects.child_of(home).first()
        if practices is not None:
            index.move(practices, pos="right")
            index = EventIndexPage.objects.get(pk=index.pk)
        log("event index created")
    translated = index.get_translation_or_none(locale_map["de"])
    if translated is None:
        translated = index.copy_for_translation(locale_map["de"])
        translated.title, translated.intro = INDEX["de"]
        publish(translated)
        home_de = translated.get_parent()
        practices_de = GoodPracticeIndexPage.objects.child_of(home_de).first()
        if practices_de is not None:
            translated.move(practices_de, pos="right")
            translated = EventIndexPage.objects.get(pk=translated.pk)
        log("German event index created")
    return index, translated


def _translate(page: EventPage, texts: Text, city: str, language, **fields) -> None:
    """Copy ``page`` into ``language`` with the texts of that language, published."""
    translated = page.copy_for_translation(language)
    translated.title = texts.title
    translated.teaser = texts.teaser
    translated.venue_city = city
    for name, value in fields.items():
        setattr(translated, name, value)
    publish(translated)


def seed_history(index: EventIndexPage, lookups: Lookups, log) -> None:
    """The 66 events of the programme's history, closed for applications."""
    locale_map = locales()
    english, german = locale_map["en"], locale_map["de"]
    created = 0
    for event in EVENTS:
        tz = zoneinfo.ZoneInfo(TIME_ZONES[event.country])
        starts_at, ends_at = (
            (time(10, 0), time(12, 30)) if event.online else (time(9, 0), time(17, 0))
        )
        page = EventPage.objects.filter(slug=event.slug, locale=english).first()
        if page is None:
            page = EventPage(
                title=event.en.title,
                slug=event.slug,
                teaser=event.en.teaser,
                event_format=event.format,
                starts_at=_moment(event.start, tz, starts_at),
                ends_at=_moment(event.end, tz, ends_at),
                time_zone=str(tz),
                month_only=len(event.start) == 7,
                attendance_mode=AttendanceMode.ONLINE
                if event.online
                else AttendanceMode.IN_PERSON,
                venue_city=event.city[0],
                country=event.country,
                online_link=_online_link(event.slug) if event.online else "",
                host_city=lookups.organisation(event.host),
                region=lookups.regions.get(event.region),
                cluster=lookups.clusters[event.cluster],
                field_of_action=lookups.fields.get(event.field_of_action),
                working_languages=event.languages,
                applications_open=None,
                call_text=_sections([event.en.call]),
                documentation=_documentation(event.en.doc, event.figures, "en"),
            )
            page.partner_organisations.set(lookups.partners(event.partners))
            index.add_child(instance=page)
            publish(page)
            created += 1
        if page.get_translation_or_none(german) is None:
            _translate(
                page,
                event.de,
                event.city[1],
                german,
                call_text=_sections([event.de.call]),
                documentation=_documentation(event.de.doc, event.figures, "de"),
            )
    if created:
        log(f"{created} past events created")


def _people() -> dict[str, tuple[User, Organisation, str]]:
    """Demo applicants by key: the user, their organisation and job title."""
    from community.demo import PEOPLE

    users = User.objects.in_bulk(
        [f"demo.{person[0]}@example.org" for person in PEOPLE], field_name="email"
    )
    organisations = Organisation.objects.in_bulk(
        [person[3] for person in PEOPLE], field_name="slug"
    )
    return {
        key: (users[f"demo.{key}@example.org"], organisations[org_slug], job)
        for key, _first, _last, org_slug, job, *_rest in PEOPLE
        if f"demo.{key}@example.org" in users and org_slug in organisations
    }


def _coordinator(region_slug: str) -> User:
    """Who takes the organisers' decisions: the region's demo coordinator (the
    demo admin where the region has none)."""
    from community.demo import COORDINATORS

    emails = {region: email for email, _first, _last, region in COORDINATORS}
    return User.objects.filter(
        email=emails.get(region_slug, DEMO_ADMIN_EMAIL)
    ).first() or User.objects.get(email=DEMO_ADMIN_EMAIL)


def _apply(event: EventPage, user: User, organisation: Organisation, job: str):
    from . import services

    german_expert = organisation.country == "DE"
    return services.registration_apply(
        event=event,
        user=user,
        organisation=organisation,
        role=job,
        motivation=(
            f"As {job.lower()} at {organisation.name} I work on this topic every day. "
            "I would like to compare our approach with other cities and take ideas home."
        ),
        brings="good_practice" if german_expert else "challenge",
        brings_title=f"What {organisation.name} has learnt"
        if german_expert
        else f"A challenge of {organisation.name}",
        language_needs="",
        consent_data=True,
        consent_contact_sharing=True,
    )


def _run_steps(event: EventPage, steps: list[Step], actor: User, people) -> None:
    """Walk the demo applicants through ``steps`` with the services."""
    from . import services

    for step in steps:
        user, organisation, job = people[step.person]
        if step.action == "apply":
            _apply(event, user, organisation, job)
            continue
        registration = Registration.objects.get(event=event, user=user)
        if step.action == "accept":
            services.registration_accept(
                registration=registration, actor=actor, reason=step.reason
            )
        elif step.action == "waitlist":
            services.registration_waitlist(
                registration=registration, actor=actor, reason=step.reason
            )
        elif step.action == "decline":
            services.registration_decline(
                registration=registration, actor=actor, reason=step.reason
            )
        elif step.action == "confirm":
            services.registration_confirm(registration=registration, user=user)
        elif step.action == "withdraw":
            services.registration_withdraw(
                registration=registration, user=user, reason=step.reason
            )
        elif step.action == "check_in":
            services.registration_check_in(registration=registration, actor=actor)
        elif step.action == "no_show":
            services.registration_mark_no_show(registration=registration, actor=actor)
        else:
            raise ValueError(f"Unknown demo step {step.action!r}")


def _process_page(spec: ProcessEvent, lookups: Lookups, now: datetime) -> EventPage:
    """An unsaved English page for ``spec``, its dates counted from ``now``."""
    tz = zoneinfo.ZoneInfo(TIME_ZONES[spec.country])
    first_day = (now + spec.starts_in).astimezone(tz).date()
    starts_at = datetime.combine(first_day, spec.starts_at, tzinfo=tz)
    ends_at = datetime.combine(
        first_day + timedelta(days=spec.days - 1), spec.ends_at, tzinfo=tz
    )
    page = EventPage(
        title=spec.en.title,
        slug=spec.slug,
        teaser=spec.en.teaser,
        event_format=spec.format,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=str(tz),
        attendance_mode=AttendanceMode.ONLINE
        if spec.online
        else AttendanceMode.IN_PERSON,
        venue=spec.venue,
        venue_city=spec.city[0],
        country=spec.country,
        online_link=_online_link(spec.slug) if spec.online else "",
        host_city=lookups.organisation(spec.host),
        region=lookups.regions.get(spec.region),
        cluster=lookups.clusters[spec.cluster],
        field_of_action=lookups.fields.get(spec.field_of_action),
        working_languages=spec.languages,
        capacity=spec.capacity,
        host_reserved_places=spec.host_reserved,
        applications_open=now - timedelta(days=14),
        applications_close=starts_at - timedelta(days=7),
        eligibility=spec.eligibility,
        selection_mode=spec.selection,
        waitlist_offer_hours=spec.offer_hours,
        call_text=_sections(spec.call_en),
        programme=_programme(spec.programme, first_day, "en"),
        documentation=_documentation(spec.en.doc, [], "en"),
    )
    page.partner_organisations.set(lookups.partners(spec.partners))
    return page


def _translate_process_event(page: EventPage, spec: ProcessEvent) -> None:
    german = locales()["de"]
    if page.get_translation_or_none(german) is not None:
        return
    first_day = page.local_start().date()
    _translate(
        page,
        spec.de,
        spec.city[1],
        german,
        call_text=_sections(spec.call_de),
        programme=_programme(spec.programme, first_day, "de"),
        documentation=_documentation(spec.de.doc, [], "de"),
    )


def seed_upcoming(index: EventIndexPage, lookups: Lookups, people, log) -> None:
    """Three events open for applications, with demo applicants; their dates count
    from the day they are first seeded."""
    english = locales()["en"]
    now = timezone.now()
    for spec in UPCOMING:
        page = EventPage.objects.filter(slug=spec.slug, locale=english).first()
        if page is None:
            page = _process_page(spec, lookups, now)
            index.add_child(instance=page)
            publish(page)
            log(f"upcoming event created: {spec.slug}")
        if not Registration.objects.filter(event=page).exists():
            _run_steps(page, spec.steps, _coordinator(spec.region), people)
        _translate_process_event(page, spec)


def seed_recent_event(index: EventIndexPage, lookups: Lookups, people, log) -> None:
    """Last week's event with attendance.

    The services refuse to register people for a past event and to record
    attendance before it starts, so the demo plays it in time: the page is made with
    its start two days ahead while people apply, are accepted, confirm and withdraw;
    then its start is moved to an hour ago for check-in and no-shows; finally it
    gets its real dates (last week), its documentation and a closed call. Log
    entries carry the seeding time, and check-in times are set to the first
    morning of the event.
    """
    english = locales()["en"]
    if EventPage.objects.filter(slug=RECENT.slug, locale=english).exists():
        page = EventPage.objects.get(slug=RECENT.slug, locale=english)
        _translate_process_event(page, RECENT)
        return
    now = timezone.now()
    final = _process_page(RECENT, lookups, now)
    ahead = _process_page(RECENT, lookups, now + timedelta(days=10) - RECENT.starts_in)
    ahead.applications_open = now - timedelta(days=1)
    ahead.applications_close = now + timedelta(days=1)
    index.add_child(instance=ahead)
    publish(ahead)
    page = EventPage.objects.get(pk=ahead.pk)
    actor = _coordinator(RECENT.region)
    attendance = {"check_in", "no_show"}
    _run_steps(
        page, [s for s in RECENT.steps if s.action not in attendance], actor, people
    )
    EventPage.objects.filter(pk=page.pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=2)
    )
    page = EventPage.objects.get(pk=page.pk)
    _run_steps(page, [s for s in RECENT.steps if s.action in attendance], actor, people)

    page = page.get_latest_revision_as_object()
    page.starts_at, page.ends_at = final.starts_at, final.ends_at
    page.programme = final.programme
    page.applications_open = page.applications_close = None
    publish(page)
    Registration.objects.filter(event_id=page.pk, checked_in_at__isnull=False).update(
        checked_in_at=final.starts_at + timedelta(minutes=30)
    )
    log(f"recent event created: {RECENT.slug}")
    _translate_process_event(EventPage.objects.get(pk=page.pk), RECENT)


def link_to_events(model, links: dict[str, str], field_name: str) -> int:
    """Point the pages of ``model`` named in ``links`` (slug → event slug) at their
    event through ``field_name``, each language version at the event in the same
    language, as a new published revision. Returns how many pages changed; pages
    that point at their event already are left alone. Shared with
    ``projects.demo``."""
    changed = 0
    for page_slug, event_slug in links.items():
        for page in model.objects.filter(slug=page_slug):
            event = EventPage.objects.filter(
                slug=event_slug, locale_id=page.locale_id
            ).first()
            if event is None or getattr(page, f"{field_name}_id") == event.pk:
                continue
            revision = page.get_latest_revision_as_object()
            setattr(revision, field_name, event)
            publish(revision)
            changed += 1
    return changed


def link_practices(log) -> None:
    """Set ``presented_at`` on the practices the facts tie to an event."""
    linked = link_to_events(GoodPracticePage, PRESENTED_AT, "presented_at")
    if linked:
        log(f"{linked} good practice pages linked to their events")


def deliver_demo_notifications(log) -> None:
    """Send the notices the demo registrations produced into an in-memory mailbox.

    Without Redis, tasks run eagerly and mail goes to the console, so the dozens of
    demo notices would flood the output of ``make run``. Sending them here, to the
    locmem backend, marks them sent as in real use; the send tasks queued for after
    the commit then find them sent and do nothing. Only demo addresses
    (example.org) are sent this way.
    """
    queued = Notification.objects.filter(
        Q(recipient__email__endswith="@example.org"), state=NotificationState.QUEUED
    ).values_list("pk", flat=True)
    ids = list(queued)
    if not ids:
        return
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        for notification_id in ids:
            notification_send(notification_id=notification_id)
    log(f"{len(ids)} demo notifications delivered (not printed)")


def seed(log) -> None:
    home = HomePage.objects.filter(locale=locales()["en"]).first()
    if home is None:
        log("no home page yet: events skipped")
        return
    index, _translated = seed_index(home, log)
    lookups = Lookups()
    if lookups.missing:
        log(
            f"organisations not found, not linked: {', '.join(sorted(lookups.missing))}"
        )
    seed_history(index, lookups, log)
    people = _people()
    seed_upcoming(index, lookups, people, log)
    seed_recent_event(index, lookups, people, log)
    link_practices(log)
    log(f"{EventPage.objects.live().count()} live event pages")
    deliver_demo_notifications(log)
