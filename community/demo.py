"""Demo content of the community app: the programme's world regions."""

from core.demo import upsert_translated

from .models import Region

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
]


def seed(log) -> None:
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
