"""Demo content of the community app: regions, organisations, people and the
network directory page.

Organisations are the cities, associations and partners named in
shared/demo_facts.yaml, with city-centre coordinates (a partner's headquarters city)
and rounded populations where they are well known. People are clearly fictitious
("Demo – ..." at example.org). Running it again changes nothing.
"""

import functools
import os
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from core import demo as core_demo
from core.demo import upsert_translated
from core.models import Cluster, HomePage

from . import services
from .models import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    AffiliationStatus,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Region,
    Role,
    RoleKind,
    User,
    Visibility,
)
from .pages import NetworkIndexPage

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "connective-demo")

# slug, English, German, focus region, short description (en, de)
REGIONS = [
    (
        "sub-saharan-africa",
        "Sub-Saharan Africa",
        "Subsahara-Afrika",
        True,
        "Basic urban services, land management, flood management and circular waste "
        "economy.",
        "Kommunale Basisdienstleistungen, Flächenmanagement, Hochwasserschutz und "
        "Kreislaufwirtschaft.",
    ),
    (
        "middle-east-north-africa",
        "Middle East and North Africa",
        "Nahost und Nordafrika",
        True,
        "Local economic development and job creation, energy efficiency and tourism.",
        "Lokale Wirtschaftsentwicklung und Beschäftigung, Energieeffizienz und "
        "Tourismus.",
    ),
    (
        "south-east-europe-caucasus",
        "South-East Europe and Caucasus",
        "Südosteuropa und Kaukasus",
        True,
        "Integrated and climate-resilient urban development, green infrastructure and "
        "urban energy planning.",
        "Integrierte und klimaresiliente Stadtentwicklung, grüne Infrastruktur und "
        "kommunale Energieplanung.",
    ),
    (
        "asia",
        "Asia",
        "Asien",
        False,
        "Exchanges with partners such as CDIA, including on climate finance.",
        "Austausch mit Partnern wie CDIA, unter anderem zur Klimafinanzierung.",
    ),
    (
        "latin-america",
        "Latin America",
        "Lateinamerika",
        False,
        "Climate-proof and resilient urban development.",
        "Klimagerechte und resiliente Stadtentwicklung.",
    ),
    (
        "germany",
        "Germany",
        "Deutschland",
        False,
        "German municipalities as peers, hosts and experts.",
        "Deutsche Kommunen als Peers, Gastgeber und Fachleute.",
    ),
    (
        "international",
        "Europe and global networks",
        "Europa und globale Netzwerke",
        False,
        "Cities elsewhere in Europe and the global networks we work with.",
        "Städte im übrigen Europa und die globalen Netzwerke, mit denen wir "
        "zusammenarbeiten.",
    ),
]


SSA = "sub-saharan-africa"
MENA = "middle-east-north-africa"
SEE = "south-east-europe-caucasus"
ASIA = "asia"
LATAM = "latin-america"
GERMANY = "germany"
INTL = "international"

MUNICIPALITY = OrganisationKind.MUNICIPALITY
COMPANY = OrganisationKind.MUNICIPAL_COMPANY
ASSOCIATION = OrganisationKind.MUNICIPAL_ASSOCIATION
PARTNER = OrganisationKind.PARTNER
ACADEMIA = OrganisationKind.ACADEMIA
CIVIL_SOCIETY = OrganisationKind.CIVIL_SOCIETY

ACTIVE = MembershipStatus.ACTIVE
APPLIED = MembershipStatus.APPLIED
SUSPENDED = MembershipStatus.SUSPENDED

# When members of each region joined, for "member since" on the profiles.
MEMBER_SINCE = {
    GERMANY: date(2014, 1, 1),
    SSA: date(2015, 1, 1),
    MENA: date(2017, 1, 1),
    SEE: date(2017, 1, 1),
    LATAM: date(2019, 1, 1),
    ASIA: date(2019, 1, 1),
    INTL: date(2019, 1, 1),
}


@dataclass
class Org:
    """One demo organisation; ``membership`` empty means not a member."""

    slug: str
    name: str
    kind: str
    country: str
    region: str
    lat: float | None
    lon: float | None
    de: str = ""
    population: int | None = None
    membership: str = ACTIVE
    parent: str = ""
    website: str = ""
    languages: list[str] = field(default_factory=list)
    description: str = ""


def _city(slug, name, country, region, lat, lon, **extra) -> Org:
    return Org(slug, name, MUNICIPALITY, country, region, lat, lon, **extra)


def _german(slug, name, lat, lon, **extra) -> Org:
    return _city(slug, name, "DE", GERMANY, lat, lon, languages=["de"], **extra)


# Data tables stay one entry per line; the formatter would spread them over a
# thousand lines.
# fmt: off
ORGANISATIONS = [
    # --- Germany: member cities ---------------------------------------------------
    _german("munich", "Munich", 48.137154, 11.576124, de="München", population=1_500_000, website="https://stadt.muenchen.de", description="Bavaria's capital; its planners advise Greater Amman on land-use planning for undeveloped land."),
    _german("frankfurt-am-main", "Frankfurt am Main", 50.110924, 8.682127, population=770_000, website="https://frankfurt.de", description="Financial centre on the Main; planning experts took part in the land-use exchange with Greater Amman."),
    _german("loerrach", "Lörrach", 47.615560, 7.661380, description="Town on the Swiss border that is turning a former textile site into a commercial area built in timber."),
    _german("dortmund", "Dortmund", 51.513587, 7.465298, population=590_000, description="Former steel city in the Ruhr; host of the 2019 dialogue event on climate-proof urban development."),
    _german("andernach", "Andernach", 50.439701, 7.401700, description="The 'edible city': vegetables and fruit grow in public green spaces for everyone to harvest."),
    _german("bremen", "Bremen", 53.079296, 8.801694, population=570_000),
    _german("bonn", "Bonn", 50.737430, 7.098207, population=330_000, website="https://www.bonn.de", description="UN city on the Rhine where Connective Cities was founded in 2013."),
    _german("rostock", "Rostock", 54.092441, 12.099147, population=210_000),
    _german("dresden", "Dresden", 51.050407, 13.737262, population=560_000),
    _german("eltville-am-rhein", "Eltville am Rhein", 50.028610, 8.117850),
    _german("stuttgart", "Stuttgart", 48.775845, 9.182932, population=630_000),
    _german("berlin", "Berlin", 52.520008, 13.404954, population=3_850_000),
    _german("nuremberg", "Nuremberg", 49.452103, 11.076665, de="Nürnberg", population=520_000),
    _german("karlsruhe", "Karlsruhe", 49.006889, 8.403653, population=310_000),
    _german("district-of-lippe", "District of Lippe", 51.936680, 8.879450, de="Kreis Lippe"),
    _german("jena", "Jena", 50.927054, 11.589237, population=110_000),
    _german("hamm", "Hamm", 51.680340, 7.815350, population=180_000),
    _german("leipzig", "Leipzig", 51.339695, 12.373075, population=610_000),
    _german("cologne", "Cologne", 50.937531, 6.960279, de="Köln", population=1_080_000, website="https://www.stadt-koeln.de"),
    _german("hamburg", "Hamburg", 53.551086, 9.993682, population=1_900_000),
    _german("duesseldorf", "Düsseldorf", 51.227741, 6.773456, population=620_000),
    _german("kiel", "Kiel", 54.323292, 10.122765, population=250_000),
    _german("muenster", "Münster", 51.960665, 7.626135, population=320_000),
    _german("luedenscheid", "Lüdenscheid", 51.219770, 7.627950),
    _german("wuerzburg", "Würzburg", 49.791304, 9.953355, population=130_000),
    _german("oldenburg", "Oldenburg", 53.143450, 8.214552, population=170_000),
    _german("hagen", "Hagen", 51.367077, 7.463284, population=190_000),
    # --- Germany: partners and municipal companies ----------------------------------
    Org("association-of-german-cities", "Association of German Cities", ASSOCIATION, "DE", GERMANY, 52.514330, 13.398580, de="Deutscher Städtetag", website="https://www.staedtetag.de", description="National association of German cities; one of the three partners of the joint venture."),
    Org("giz", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", PARTNER, "DE", GERMANY, 50.720000, 7.126000, website="https://www.giz.de", description="Germany's agency for international cooperation; partner in the joint venture."),
    Org("engagement-global-skew", "Engagement Global – Service Agency Communities in One World (SKEW)", PARTNER, "DE", GERMANY, 50.714000, 7.130000, de="Engagement Global – Servicestelle Kommunen in der Einen Welt (SKEW)", description="Supports German municipalities in development cooperation; partner in the joint venture."),
    Org("bmz", "Federal Ministry for Economic Cooperation and Development (BMZ)", PARTNER, "DE", GERMANY, 50.718000, 7.127000, de="Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung (BMZ)", website="https://www.bmz.de", description="Commissions and funds Connective Cities."),
    Org("vku", "Association of Local Public Utilities (VKU)", ASSOCIATION, "DE", GERMANY, 52.527000, 13.383000, de="Verband kommunaler Unternehmen (VKU)"),
    Org("hamburg-wasser", "Hamburg Wasser", COMPANY, "DE", GERMANY, 53.543000, 10.039500, parent="hamburg"),
    Org("stadtreinigung-hamburg", "Stadtreinigung Hamburg", COMPANY, "DE", GERMANY, 53.546000, 10.048000, parent="hamburg"),
    Org("steb-koeln", "StEB Köln – Cologne drainage utility", COMPANY, "DE", GERMANY, 50.954600, 7.041400, de="Stadtentwässerungsbetriebe Köln (StEB Köln)", parent="cologne"),
    Org("bsr", "Berliner Stadtreinigung (BSR)", COMPANY, "DE", GERMANY, 52.469600, 13.384000, parent="berlin"),
    Org("pik", "Potsdam Institute for Climate Impact Research (PIK)", ACADEMIA, "DE", GERMANY, 52.379700, 13.065000, de="Potsdam-Institut für Klimafolgenforschung (PIK)", membership=""),
    Org("gidrm", "Global Initiative on Disaster Risk Management (GIDRM)", PARTNER, "DE", SSA, 50.720000, 7.126000, parent="giz", membership=""),
    # German projects without an office of their own: no point on the map.
    Org("resilience-initiative-africa", "Resilience Initiative Africa (RIA)", PARTNER, "DE", SSA, None, None, parent="giz", membership=""),
    Org("civic", "CIVIC", PARTNER, "DE", SSA, None, None, parent="giz", membership=""),
    # --- Sub-Saharan Africa --------------------------------------------------------
    _city("cape-town", "Cape Town", "ZA", SSA, -33.924870, 18.424055, de="Kapstadt", population=4_770_000),
    _city("quelimane", "Quelimane", "MZ", SSA, -17.878600, 36.888300, languages=["pt"], description="Coastal city that protects itself with mangrove forests managed by community committees."),
    _city("dar-es-salaam", "Dar es Salaam", "TZ", SSA, -6.792354, 39.208328, languages=["sw", "en"]),
    _city("kinondoni", "Kinondoni Municipal Council", "TZ", SSA, -6.766000, 39.247000, languages=["sw", "en"], parent="dar-es-salaam"),
    _city("brazzaville", "Brazzaville", "CG", SSA, -4.263360, 15.242885, languages=["fr"]),
    _city("kumasi", "Kumasi", "GH", SSA, 6.688481, -1.624430, languages=["en"]),
    _city("nairobi", "Nairobi City County", "KE", SSA, -1.292066, 36.821946, population=4_400_000, languages=["en", "sw"]),
    _city("johannesburg", "City of Johannesburg", "ZA", SSA, -26.204103, 28.047305, population=4_800_000),
    _city("ethekwini", "eThekwini Municipality (Durban)", "ZA", SSA, -29.858680, 31.021840),
    _city("kampala", "Kampala Capital City Authority", "UG", SSA, 0.347596, 32.582520, languages=["en", "sw"]),
    _city("accra", "Accra Metropolitan Assembly", "GH", SSA, 5.603717, -0.186964, languages=["en"]),
    _city("naivasha", "Naivasha", "KE", SSA, -0.716667, 36.433333, languages=["en", "sw"]),
    _city("mombasa", "Mombasa County", "KE", SSA, -4.043477, 39.668206, languages=["en", "sw"]),
    _city("buffalo-city", "Buffalo City Metropolitan Municipality", "ZA", SSA, -33.015285, 27.911624),
    Org("salga", "South African Local Government Association (SALGA)", ASSOCIATION, "ZA", SSA, -25.747868, 28.229271, website="https://www.salga.org.za"),
    Org("nalag", "National Association of Local Authorities of Ghana (NALAG)", ASSOCIATION, "GH", SSA, 5.603717, -0.186964, languages=["en"]),
    Org("alat", "Association of Local Authorities of Tanzania (ALAT)", ASSOCIATION, "TZ", SSA, -6.162959, 35.751607, languages=["sw", "en"]),
    Org("african-union-commission", "African Union Commission", PARTNER, "ET", SSA, 9.030000, 38.740000, de="Kommission der Afrikanischen Union", membership=""),
    Org("ecowas-commission", "ECOWAS Commission", PARTNER, "NG", SSA, 9.057850, 7.495080, de="ECOWAS-Kommission", membership=""),
    # --- Middle East and North Africa ---------------------------------------------
    _city("greater-amman-municipality", "Greater Amman Municipality", "JO", MENA, 31.953949, 35.910635, population=4_000_000, languages=["ar"], website="https://www.ammancity.gov.jo", description="Jordan's capital; wrote the first Voluntary Local Review in the Arab region and plans new districts with German peers."),
    _city("abu-dhabi", "Abu Dhabi City Municipality", "AE", MENA, 24.453884, 54.377344, languages=["ar"], membership=APPLIED),
    _city("ras-el-matn", "Ras el-Matn", "LB", MENA, 33.856000, 35.682000, languages=["ar"]),
    _city("bizerte", "Bizerte", "TN", MENA, 37.274423, 9.873910, de="Biserta", population=115_000, languages=["ar"], description="Port city that turns organic waste into compost together with its partner city Rostock."),
    _city("nablus", "Nablus", "PS", MENA, 32.222668, 35.262146, languages=["ar"]),
    _city("beit-jala", "Beit Jala", "PS", MENA, 31.716000, 35.187000, population=17_500, languages=["ar"]),
    _city("rachiine", "Rachiine", "LB", MENA, 34.336000, 35.905000, languages=["ar"]),
    # Exact location not known to us: listed, but not on the map.
    _city("el-qrayeh", "El-Qrayeh", "LB", MENA, None, None, languages=["ar"]),
    Org("chouf-souijen", "Union of Municipalities of Chouf-Souijen", ASSOCIATION, "LB", MENA, 33.690000, 35.580000, languages=["ar"]),
    _city("beirut", "Beirut", "LB", MENA, 33.893791, 35.501777, languages=["ar"]),
    _city("tunis", "Tunis", "TN", MENA, 36.806496, 10.181532, languages=["ar"]),
    Org("united-cities-lebanon", "United Cities Lebanon (Cités Unies Liban)", ASSOCIATION, "LB", MENA, 33.888000, 35.495000, de="Cités Unies Liban", languages=["ar"]),
    Org("nadeera", "Nadeera", CIVIL_SOCIETY, "LB", MENA, 33.893791, 35.501777, membership="", description="Lebanese social enterprise with digital tools for recycling."),
    # --- South-East Europe and Caucasus ---------------------------------------------
    _city("kragujevac", "Kragujevac", "RS", SEE, 44.012794, 20.911423),
    _city("mitrovica", "Mitrovica", "XK", SEE, 42.883300, 20.866700),
    _city("skopje", "Skopje", "MK", SEE, 41.997346, 21.427996, description="Capital of North Macedonia that works on getting more people onto bicycles."),
    _city("krusevac", "Kruševac", "RS", SEE, 43.580000, 21.333889),
    _city("lutsk", "Lutsk", "UA", SEE, 50.747233, 25.325383, de="Luzk", languages=["uk"]),
    _city("tbilisi", "Tbilisi", "GE", SEE, 41.715138, 44.827096, de="Tiflis"),
    _city("senaki", "Senaki", "GE", SEE, 42.270000, 42.068000),
    _city("eredvi", "Eredvi", "GE", SEE, None, None, membership=APPLIED),
    _city("kocaeli", "Kocaeli Metropolitan Municipality (İzmit)", "TR", SEE, 40.765400, 29.940800, languages=["tr"]),
    Org("calm", "Congress of Local Authorities from Moldova (CALM)", ASSOCIATION, "MD", SEE, 47.010453, 28.863810),
    # --- Latin America --------------------------------------------------------------
    _city("belo-horizonte", "Belo Horizonte", "BR", LATAM, -19.916681, -43.934493, population=2_300_000, languages=["pt"]),
    _city("bogota", "Bogotá", "CO", LATAM, 4.710989, -74.072092, languages=["es"]),
    _city("sao-paulo", "São Paulo", "BR", LATAM, -23.550520, -46.633308, population=11_450_000, languages=["pt"]),
    _city("manizales", "Manizales", "CO", LATAM, 5.070275, -75.513817, languages=["es"]),
    _city("tunuyan", "Tunuyán", "AR", LATAM, -33.576000, -69.015000, languages=["es"]),
    _city("cali", "Cali", "CO", LATAM, 3.451647, -76.532010, languages=["es"]),
    _city("portmore", "Portmore", "JM", LATAM, 17.955000, -76.880000, languages=["en"], membership=SUSPENDED),
    # --- Asia ------------------------------------------------------------------------
    _city("bangkok", "Bangkok", "TH", ASIA, 13.756331, 100.501765, membership=""),
    _city("cebu-city", "Cebu City", "PH", ASIA, 10.315699, 123.885437, membership=""),
    _city("banepa", "Banepa", "NP", ASIA, 27.629800, 85.521400, membership=APPLIED, description="Nepalese town that keeps traditional building methods with bio-based materials alive."),
    _city("naga-city", "Naga City", "PH", ASIA, 13.621775, 123.194824, membership=""),
    _city("manila", "Manila", "PH", ASIA, 14.599512, 120.984222, membership=""),
    Org("cdia", "Cities Development Initiative for Asia (CDIA)", PARTNER, "PH", ASIA, 14.588000, 121.058000, membership=""),
    # --- Europe and global networks ------------------------------------------------------
    _city("strasbourg", "Strasbourg", "FR", INTL, 48.573405, 7.752111, de="Straßburg", languages=["fr"], membership=""),
    Org("uclg", "United Cities and Local Governments (UCLG)", ASSOCIATION, "ES", INTL, 41.385064, 2.173404, website="https://www.uclg.org", membership=""),
    Org("platforma", "PLATFORMA", ASSOCIATION, "BE", INTL, 50.850346, 4.351721, membership="", description="European coalition of towns and regions active in development cooperation."),
    Org("metropolis", "Metropolis", ASSOCIATION, "ES", INTL, 41.385064, 2.173404, membership="", description="World association of major metropolises; republishes practices on its Urban Sustainability Exchange."),
    Org("c40-cities", "C40 Cities", PARTNER, "GB", INTL, 51.507351, -0.127758, website="https://www.c40.org", membership=""),
    Org("global-covenant-of-mayors", "Global Covenant of Mayors for Climate & Energy (GCoM)", PARTNER, "BE", INTL, 50.850346, 4.351721, membership=""),
    Org("city-climate-finance-gap-fund", "City Climate Finance Gap Fund", PARTNER, "US", INTL, 38.899000, -77.042600, membership="", description="Helps cities prepare climate projects for finance; implemented by the World Bank and the EIB."),
]

# Fictitious people: (e-mail key, first name, last name, organisation slug, job title,
# languages, everything public?, verified?, expertise cluster slug)
PEOPLE = [
    ("leila.haddad", "Leila", "Haddad", "greater-amman-municipality", "Urban planner", ["ar", "en"], True, True, "integrated-urban-development"),
    ("omar.khatib", "Omar", "Khatib", "greater-amman-municipality", "Energy engineer", ["ar", "en"], False, True, "municipal-services"),
    ("maya.karam", "Maya", "Karam", "bizerte", "Environment department", ["ar", "fr"], True, True, "municipal-services"),
    ("rami.saleh", "Rami", "Saleh", "nablus", "IT unit", ["ar", "en"], False, False, ""),
    ("ana.jovanovic", "Ana", "Jovanović", "kragujevac", "Energy manager", ["en"], True, True, "municipal-services"),
    ("elena.trajkovska", "Elena", "Trajkovska", "skopje", "Mobility planner", ["en"], False, True, "integrated-urban-development"),
    ("giorgi.kapanadze", "Giorgi", "Kapanadze", "tbilisi", "Climate officer", ["en", "ru"], False, False, ""),
    ("amina.njoroge", "Amina", "Njoroge", "nairobi", "Solid waste officer", ["en", "sw"], True, True, "municipal-services"),
    ("kwame.mensah", "Kwame", "Mensah", "kumasi", "Physical planner", ["en"], False, True, "integrated-urban-development"),
    ("neema.mushi", "Neema", "Mushi", "dar-es-salaam", "Drainage engineer", ["sw", "en"], False, False, ""),
    ("julia.becker", "Julia", "Becker", "munich", "Urban planner", ["de", "en"], True, True, "integrated-urban-development"),
    ("markus.hoffmann", "Markus", "Hoffmann", "frankfurt-am-main", "Land-use planner", ["de", "en"], False, True, "integrated-urban-development"),
    ("thomas.wagner", "Thomas", "Wagner", "cologne", "Water engineer", ["de", "en"], False, True, "municipal-services"),
    ("camila.restrepo", "Camila", "Restrepo", "manizales", "SDG focal point", ["es", "en"], True, True, "good-urban-governance"),
]

# The organisations' descriptions in German, shown on their German profiles.
DESCRIPTIONS_DE = {
    "munich": "Bayerns Landeshauptstadt; ihre Planerinnen und Planer beraten Greater Amman bei der Flächennutzungsplanung für unbebautes Land.",
    "frankfurt-am-main": "Finanzzentrum am Main; Fachleute aus der Stadtplanung nahmen am Austausch mit Greater Amman zur Flächennutzung teil.",
    "loerrach": "Stadt an der Schweizer Grenze, die ein ehemaliges Textilareal in ein Gewerbegebiet in Holzbauweise verwandelt.",
    "dortmund": "Ehemalige Stahlstadt im Ruhrgebiet; Gastgeberin der Dialogveranstaltung 2019 zur klimagerechten Stadtentwicklung.",
    "andernach": "Die „essbare Stadt“: Auf öffentlichen Grünflächen wachsen Gemüse und Obst, die alle ernten dürfen.",
    "bonn": "UN-Stadt am Rhein, in der Connective Cities 2013 gegründet wurde.",
    "association-of-german-cities": "Kommunaler Spitzenverband der deutschen Städte; einer der drei Partner des Gemeinschaftsvorhabens.",
    "giz": "Deutschlands Agentur für internationale Zusammenarbeit; Partnerin im Gemeinschaftsvorhaben.",
    "engagement-global-skew": "Unterstützt deutsche Kommunen in der Entwicklungszusammenarbeit; Partnerin im Gemeinschaftsvorhaben.",
    "bmz": "Beauftragt und finanziert Connective Cities.",
    "quelimane": "Küstenstadt, die sich mit Mangrovenwäldern schützt, die von Gemeinschaftskomitees bewirtschaftet werden.",
    "greater-amman-municipality": "Jordaniens Hauptstadt; verfasste den ersten Voluntary Local Review der arabischen Region und plant neue Stadtteile mit deutschen Partnerstädten.",
    "bizerte": "Hafenstadt, die gemeinsam mit ihrer Partnerstadt Rostock organische Abfälle zu Kompost verarbeitet.",
    "nadeera": "Libanesisches Sozialunternehmen mit digitalen Werkzeugen für das Recycling.",
    "skopje": "Hauptstadt Nordmazedoniens, die mehr Menschen aufs Fahrrad bringen will.",
    "banepa": "Nepalesische Stadt, die traditionelle Bauweisen mit biobasierten Baustoffen lebendig hält.",
    "platforma": "Europäischer Zusammenschluss von Städten und Regionen, die in der Entwicklungszusammenarbeit aktiv sind.",
    "metropolis": "Weltverband der großen Metropolen; veröffentlicht Gute Praxis erneut in seinem Urban Sustainability Exchange.",
    "city-climate-finance-gap-fund": "Hilft Städten, Klimaprojekte finanzierungsreif zu machen; umgesetzt von der Weltbank und der EIB.",
}
# fmt: on

# Region coordinators: (e-mail, first name, last name, region slug)
COORDINATORS = [
    ("coordinator.mena@example.org", "Rania", "Khalil", MENA),
    ("coordinator.see@example.org", "Nika", "Beridze", SEE),
    ("coordinator.ssa@example.org", "Amani", "Odhiambo", SSA),
]

NETWORK_PAGE = {
    "en": (
        "Network",
        "Member cities, municipal associations and partners of Connective Cities. "
        "Open a profile to see who works there and what they share.",
    ),
    "de": (
        "Netzwerk",
        "Mitgliedsstädte, kommunale Verbände und Partner von Connective Cities. "
        "Ein Profil zeigt, wer dort arbeitet und was geteilt wird.",
    ),
}


def seed_regions(log) -> None:
    for order, (slug, name_en, name_de, focus, text_en, text_de) in enumerate(REGIONS):
        upsert_translated(
            Region,
            slug=slug,
            values={
                "en": {"name": name_en, "description": text_en},
                "de": {"name": name_de, "description": text_de},
            },
            is_focus=focus,
            sort_order=order,
        )
    log(f"{Region.objects.count()} regions")


def _english_regions() -> dict[str, Region]:
    return {
        region.slug: region
        for region in Region.objects.filter(locale__language_code="en")
    }


def _admin() -> User:
    core_demo.seed_admin(log=lambda message: None)
    return User.objects.get(email=core_demo.DEMO_ADMIN_EMAIL)


def seed_organisations(log) -> None:
    """Upsert every demo organisation (keyed by slug), its German name and its
    membership; status changes go through the membership service."""
    regions = _english_regions()
    admin = _admin()
    by_slug: dict[str, Organisation] = {}
    # Parents first: they are listed before their children.
    for org in ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=org.slug,
            defaults={
                "name": org.name,
                "kind": org.kind,
                "country": org.country,
                "region": regions[org.region],
                "latitude": org.lat,
                "longitude": org.lon,
                "population": org.population,
                "website": org.website,
                "official_languages": org.languages,
                "description": org.description,
                "parent": by_slug.get(org.parent) if org.parent else None,
            },
        )
        by_slug[org.slug] = organisation
        if org.de or org.slug in DESCRIPTIONS_DE:
            OrganisationName.objects.update_or_create(
                organisation=organisation,
                language="de",
                defaults={
                    "name": org.de or org.name,
                    "description": DESCRIPTIONS_DE.get(org.slug, ""),
                },
            )
        if org.membership:
            _seed_membership(organisation, org, admin)
    members = Membership.objects.filter(status=ACTIVE).count()
    log(f"{Organisation.objects.count()} organisations, {members} active members")


def _seed_membership(organisation: Organisation, org: Org, admin: User) -> None:
    """Walk the membership to its demo status (applied → active → suspended), one
    service call per step, so the history reads like the real thing."""
    since = MEMBER_SINCE[org.region]
    membership = Membership.objects.filter(organisation=organisation).first()
    status = membership.status if membership else None
    steps = []
    if status is None:
        steps.append(APPLIED)
        status = APPLIED
    if status == APPLIED and org.membership != APPLIED:
        steps.append(ACTIVE)
        status = ACTIVE
    if status != org.membership:
        steps.append(org.membership)
    for step in steps:
        services.membership_set_status(
            organisation=organisation,
            status=step,
            actor=admin,
            reason=(
                "Demo data: dues for this year not yet settled."
                if step == SUSPENDED
                else "Demo data"
            ),
        )
    # Realistic dates instead of today's, so profiles say "member since 2017".
    Membership.objects.filter(organisation=organisation).update(
        applied_on=since,
        active_since=since if org.membership != APPLIED else None,
    )


@functools.cache
def _demo_password_hash() -> str:
    return make_password(DEMO_PASSWORD)


def _demo_user(email: str, first_name: str, last_name: str, **fields) -> User:
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "username": email.split("@")[0],
            "first_name": f"Demo – {first_name}",
            "last_name": last_name,
            **fields,
        },
    )
    if created or not user.has_usable_password():
        # One hash for every demo account: hashing is deliberately slow.
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed_coordinators(log) -> dict[str, User]:
    """Region coordinators who can sign in to the admin and verify claims."""
    regions = _english_regions()
    group, _created = Group.objects.get_or_create(name="Coordinators")
    coordinators = {}
    for email, first_name, last_name, region_slug in COORDINATORS:
        user = _demo_user(email, first_name, last_name, is_staff=True)
        user.groups.add(group)
        Role.objects.get_or_create(
            user=user,
            kind=RoleKind.COORDINATOR,
            region=regions[region_slug],
            defaults={"valid_from": date(2024, 1, 1)},
        )
        coordinators[region_slug] = user
    log(f"{len(coordinators)} region coordinators")
    return coordinators


def seed_people(log, coordinators: dict[str, User]) -> None:
    """Demo practitioners with claimed or verified affiliations."""
    admin = _admin()
    clusters = {
        cluster.slug: cluster
        for cluster in Cluster.objects.filter(locale__language_code="en")
    }
    public = dict.fromkeys(PROFILE_VISIBILITY_FIELDS, Visibility.PUBLIC)
    for (
        key,
        first,
        last,
        org_slug,
        job,
        languages,
        is_public,
        verified,
        cluster,
    ) in PEOPLE:
        organisation = Organisation.objects.select_related("region").get(slug=org_slug)
        user = _demo_user(
            f"demo.{key}@example.org",
            first,
            last,
            job_title=job,
            organisation_name=organisation.name,
            languages=languages,
            bio=f"Works for {organisation.name} as {job.lower()}. Demo profile.",
            visibility=public if is_public else {},
        )
        if cluster in clusters:
            user.expertise_clusters.set([clusters[cluster]])
        affiliation = Affiliation.objects.filter(
            user=user,
            organisation=organisation,
            status__in=[AffiliationStatus.CLAIMED, AffiliationStatus.VERIFIED],
        ).first()
        if affiliation is None:
            affiliation = services.affiliation_claim(
                user=user,
                organisation=organisation,
                evidence="Demo data: listed on the city's staff page.",
                job_title=job,
            )
        reviewer = coordinators.get(organisation.region.slug, admin)
        if verified and affiliation.status == AffiliationStatus.CLAIMED:
            services.affiliation_verify(affiliation=affiliation, actor=reviewer)
        elif verified and not affiliation.is_current:
            services.affiliation_renew(affiliation=affiliation, actor=reviewer)
    log(f"{len(PEOPLE)} demo people")


def seed_network_page(log) -> None:
    """The directory page under the English and the German home page."""
    locale_map = core_demo.locales()
    home = HomePage.objects.filter(locale=locale_map["en"]).first()
    if home is None:
        log("no home page yet: network page skipped")
        return
    page = NetworkIndexPage.objects.filter(locale=locale_map["en"]).first()
    if page is None:
        title, intro = NETWORK_PAGE["en"]
        page = NetworkIndexPage(
            title=title, slug="network", intro=intro, show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        log("network page created")
    if page.get_translation_or_none(locale_map["de"]) is None:
        translated = page.copy_for_translation(locale_map["de"])
        translated.title, translated.intro = NETWORK_PAGE["de"]
        translated.save_revision().publish()
        log("German network page created")


def seed(log) -> None:
    seed_regions(log)
    seed_organisations(log)
    coordinators = seed_coordinators(log)
    seed_people(log, coordinators)
    seed_network_page(log)
