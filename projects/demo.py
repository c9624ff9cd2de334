"""Demo content of the projects app: the project index and eighteen supported
projects, each in English and German, and the knowledge base's editorial workflow.

Texts are short summaries written for the demo from the facts in
shared/demo_facts.yaml. Milestones carry the dates the facts give; where the facts
know only a month, the milestone is dated on its first day (the site shows month and
year); steps known only by their year are told in the story, not on the timeline.
Running it again changes nothing: pages are found by slug and locale.
"""

from dataclasses import dataclass, field
from datetime import date

from community.models import Organisation
from core.demo import locales
from core.models import SDG, Cluster, FieldOfAction, HomePage
from events.demo import link_to_events
from practices.demo import publish, story
from practices.demo import seed_index as seed_practice_index
from practices.models import GoodPracticePage
from practices.services import knowledge_base_workflow_ensure

from .models import (
    CityRole,
    MilestoneKind,
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
)

INDEX_SLUG = "projects"
INDEX = {
    "en": (
        "Projects",
        "How ideas from our dialogue events became projects: the cities involved, "
        "what they learnt from each other and what came of it.",
    ),
    "de": (
        "Projekte",
        "Wie aus Ideen unserer Dialogveranstaltungen Projekte wurden: die "
        "beteiligten Städte, was sie voneinander gelernt haben und was daraus "
        "entstanden ist.",
    ),
}
SECTIONS = {"initial_situation", "learning_experience", "project_ideas", "results"}

GUG = "good-urban-governance"
LED = "local-economic-development"
IUD = "integrated-urban-development"
MS = "municipal-services"

REQUESTING = CityRole.REQUESTING
PEER = CityRole.PEER
EXPERT = CityRole.EXPERT

EVENT = MilestoneKind.EVENT
MISSION = MilestoneKind.EXPERT_MISSION
STUDY_TOUR = MilestoneKind.STUDY_TOUR
WORKSHOP = MilestoneKind.WORKSHOP
MOU = MilestoneKind.MOU
IMPLEMENTATION = MilestoneKind.IMPLEMENTATION


@dataclass
class Project:
    """One demo project: facts shared by both languages, texts per language.

    ``cities`` are (organisation slug, role) pairs; ``milestones`` are (date, kind,
    English title, German title). A text has ``title``, ``teaser``, ``origin``,
    ``tags``, optional ``figures`` and ``sections`` as in ``practices.demo``.
    """

    slug: str
    cities: list[tuple[str, str]]
    stage: str
    cluster: str
    en: dict
    de: dict
    field_of_action: str = ""
    sdgs: list[int] = field(default_factory=list)
    milestones: list[tuple[date, str, str, str]] = field(default_factory=list)
    related_practices: list[str] = field(default_factory=list)


PROJECTS = [
    Project(
        slug="sustainable-land-use-plan-for-undeveloped-land",
        cities=[
            ("greater-amman-municipality", REQUESTING),
            ("munich", EXPERT),
            ("frankfurt-am-main", EXPERT),
        ],
        stage=Stage.ADVISORY,
        cluster=IUD,
        sdgs=[11, 15],
        milestones=[
            (
                date(2020, 11, 18),
                EVENT,
                "Virtual dialogue event on sustainable, resilient, regional and intermunicipal land management",
                "Virtuelle Dialogveranstaltung zu nachhaltigem, resilientem, regionalem und interkommunalem Flächenmanagement",
            ),
            (
                date(2021, 11, 10),
                MISSION,
                "Online expert dialogue on the community development plan for the Tareq B area",
                "Online-Expertendialog zum Gemeindeentwicklungsplan für das Gebiet Tareq B",
            ),
            (
                date(2022, 8, 14),
                STUDY_TOUR,
                "Study tour of 11 planners to Münster, Dortmund, Cologne and Frankfurt",
                "Studienreise von 11 Planerinnen und Planern nach Münster, Dortmund, Köln und Frankfurt",
            ),
        ],
        en={
            "title": "A sustainable land use plan for undeveloped land",
            "teaser": "Greater Amman Municipality plans new districts on undeveloped land with advice from planners in Munich and Frankfurt – from community plans for Tareq B and Al Dafyaneh to a study tour through four German cities.",
            "origin": "Virtual dialogue event on sustainable, resilient, regional and intermunicipal land management, 18–20 November 2020",
            "tags": ["land-use planning", "land management", "community planning"],
            "figures": [
                ("11", "Amman planners on the 2022 study tour"),
                ("4", "German cities visited"),
            ],
            "sections": [
                (
                    "initial_situation",
                    "Amman is growing fast, and much of its undeveloped land risks being built up piecemeal, without enough public space, services or protection of nature. Greater Amman Municipality wanted land-use plans that guide growth in a sustainable and socially balanced way.",
                ),
                (
                    "learning_experience",
                    "At a virtual dialogue event on land management in November 2020, Amman's planners met peers from German cities. Planning experts from Munich and Frankfurt then advised the municipality, including in an online expert dialogue on the community development plan for the Tareq B area in November 2021.",
                ),
                (
                    "project_ideas",
                    "The municipality is preparing community plans for new districts, among them Al Dafyaneh, that combine housing with public space, services and green areas. Sustainability and social standards from German land-use planning serve as a reference.",
                ),
                (
                    "results",
                    "In August 2022, eleven planners from Greater Amman Municipality travelled to Münster, Dortmund, Cologne and Frankfurt to see the latest sustainability and social standards in land-use planning on site. The exchange continues to inform Amman's community plans.",
                ),
                ("figures", ""),
            ],
        },
        de={
            "title": "Ein nachhaltiger Flächennutzungsplan für unbebautes Land",
            "teaser": "Die Stadtverwaltung Groß-Amman plant neue Stadtteile auf unbebautem Land mit Rat aus München und Frankfurt – von Gemeindeplänen für Tareq B und Al Dafyaneh bis zu einer Studienreise durch vier deutsche Städte.",
            "origin": "Virtuelle Dialogveranstaltung zu nachhaltigem, resilientem, regionalem und interkommunalem Flächenmanagement, 18.–20. November 2020",
            "tags": ["flächennutzungsplanung", "flächenmanagement", "quartiersplanung"],
            "figures": [
                ("11", "Planende aus Amman auf der Studienreise 2022"),
                ("4", "besuchte deutsche Städte"),
            ],
            "sections": [
                (
                    "initial_situation",
                    "Amman wächst schnell, und viele unbebaute Flächen drohen Stück für Stück bebaut zu werden – ohne ausreichend Freiraum, Infrastruktur oder Schutz der Natur. Die Stadtverwaltung Groß-Amman wollte Flächennutzungspläne, die das Wachstum nachhaltig und sozial ausgewogen lenken.",
                ),
                (
                    "learning_experience",
                    "Bei einer virtuellen Dialogveranstaltung zum Flächenmanagement im November 2020 trafen Ammans Planende auf Kolleginnen und Kollegen aus deutschen Städten. Planungsfachleute aus München und Frankfurt berieten die Stadt anschließend, unter anderem in einem Online-Expertendialog zum Gemeindeentwicklungsplan für das Gebiet Tareq B im November 2021.",
                ),
                (
                    "project_ideas",
                    "Die Stadtverwaltung erarbeitet Gemeindepläne für neue Stadtteile, darunter Al Dafyaneh, die Wohnen mit Freiräumen, Infrastruktur und Grünflächen verbinden. Nachhaltigkeits- und Sozialstandards der deutschen Bauleitplanung dienen als Bezugspunkt.",
                ),
                (
                    "results",
                    "Im August 2022 reisten elf Planerinnen und Planer der Stadtverwaltung Groß-Amman nach Münster, Dortmund, Köln und Frankfurt, um aktuelle Nachhaltigkeits- und Sozialstandards der Bauleitplanung vor Ort kennenzulernen. Der Austausch fließt weiter in Ammans Gemeindepläne ein.",
                ),
                ("figures", ""),
            ],
        },
    ),
    Project(
        slug="safe-colourful-liveable-streets-belo-horizonte",
        cities=[("belo-horizonte", REQUESTING), ("bremen", PEER)],
        stage=Stage.IMPLEMENTED,
        cluster=MS,
        sdgs=[3, 11],
        related_practices=["right-of-way-for-green-commuters-belo-horizonte"],
        milestones=[
            (
                date(2017, 6, 19),
                EVENT,
                "Dialogue event on sustainable urban mobility in Bremen",
                "Dialogveranstaltung zu nachhaltiger urbaner Mobilität in Bremen",
            ),
            (
                date(2018, 8, 1),
                MISSION,
                "Expert mission on 30 km/h zones in Belo Horizonte",
                "Expertenmission zu Tempo-30-Zonen in Belo Horizonte",
            ),
        ],
        en={
            "title": "Safe, colourful, liveable streets and places in Belo Horizonte, Brazil",
            "teaser": "With advice from Bremen, Belo Horizonte turned residential streets into safer, more colourful places – two 30 km/h zones were implemented in 2019.",
            "origin": "Dialogue event on sustainable urban mobility in Bremen, 19–21 June 2017",
            "tags": ["road safety", "traffic calming", "public space", "mobility"],
            "sections": [
                (
                    "initial_situation",
                    "In Belo Horizonte, fast car traffic makes many streets dangerous and unpleasant for people on foot and on bicycles. The city's mobility plan calls for 30 km/h zones, but how to make drivers respect them was an open question.",
                ),
                (
                    "learning_experience",
                    "At the dialogue event on sustainable urban mobility in Bremen in June 2017, Belo Horizonte's planners saw how German cities calm traffic in residential areas. In August 2018, experts from Bremen travelled to Belo Horizonte to work on concrete zones with the city.",
                ),
                (
                    "project_ideas",
                    "Streets in selected neighbourhoods were to be redesigned so that low speeds come naturally: narrower lanes, changed parking, colourful markings and places to sit and play.",
                ),
                (
                    "results",
                    "Two 30 km/h zones were implemented in 2019. They show residents and drivers what safer, livelier streets can look like and serve as models for further zones.",
                ),
            ],
        },
        de={
            "title": "Sichere, farbenfrohe, lebenswerte Straßen und Plätze in Belo Horizonte, Brasilien",
            "teaser": "Mit Rat aus Bremen hat Belo Horizonte Wohnstraßen zu sichereren, farbenfroheren Orten gemacht – 2019 wurden zwei Tempo-30-Zonen umgesetzt.",
            "origin": "Dialogveranstaltung zu nachhaltiger urbaner Mobilität in Bremen, 19.–21. Juni 2017",
            "tags": [
                "verkehrssicherheit",
                "verkehrsberuhigung",
                "öffentlicher raum",
                "mobilität",
            ],
            "sections": [
                (
                    "initial_situation",
                    "In Belo Horizonte macht schneller Autoverkehr viele Straßen für Menschen zu Fuß und auf dem Rad gefährlich und unwirtlich. Der Mobilitätsplan der Stadt sieht Tempo-30-Zonen vor, doch wie man erreicht, dass sie eingehalten werden, war offen.",
                ),
                (
                    "learning_experience",
                    "Bei der Dialogveranstaltung zu nachhaltiger urbaner Mobilität in Bremen im Juni 2017 sahen die Planenden aus Belo Horizonte, wie deutsche Städte den Verkehr in Wohngebieten beruhigen. Im August 2018 reisten Fachleute aus Bremen nach Belo Horizonte, um mit der Stadt an konkreten Zonen zu arbeiten.",
                ),
                (
                    "project_ideas",
                    "Straßen in ausgewählten Quartieren sollten so umgestaltet werden, dass langsames Fahren selbstverständlich wird: schmalere Fahrbahnen, neu geordnetes Parken, farbige Markierungen und Orte zum Sitzen und Spielen.",
                ),
                (
                    "results",
                    "2019 wurden zwei Tempo-30-Zonen umgesetzt. Sie zeigen Anwohnenden und Autofahrenden, wie sicherere, lebendigere Straßen aussehen können, und dienen als Vorbild für weitere Zonen.",
                ),
            ],
        },
    ),
    Project(
        slug="municipal-and-citizen-engagement-for-the-sdgs-manizales",
        cities=[("manizales", REQUESTING), ("bonn", PEER)],
        stage=Stage.CONCEPT,
        cluster=GUG,
        sdgs=[11, 16, 17],
        related_practices=["amman-voluntary-local-review"],
        milestones=[
            (
                date(2021, 4, 1),
                EVENT,
                "Virtual dialogue event on local SDG reporting and monitoring, with the City of Bonn",
                "Virtuelle Dialogveranstaltung zu lokaler SDG-Berichterstattung und -Monitoring, mit der Stadt Bonn",
            ),
            (
                date(2021, 9, 1),
                WORKSHOP,
                "Virtual local project workshop in three sessions, September to November 2021",
                "Virtuelle lokale Projektwerkstatt in drei Sitzungen, September bis November 2021",
            ),
        ],
        en={
            "title": "Municipal and citizen engagement for the SDGs",
            "teaser": "Manizales wants its citizens to know and act on the Sustainable Development Goals – ideas for SDG days, citizen labs and a local review came out of a workshop with Bonn.",
            "origin": "Virtual dialogue event on local SDG reporting and monitoring, April 2021 (with the City of Bonn)",
            "tags": ["sdg localisation", "citizen participation", "awareness raising"],
            "sections": [
                (
                    "initial_situation",
                    "The Colombian city of Manizales is committed to the 2030 Agenda, but most citizens know little about the Sustainable Development Goals or what they mean for their city. Without public support, localising the goals remains a task for the administration alone.",
                ),
                (
                    "learning_experience",
                    "At a virtual dialogue event on local SDG reporting and monitoring in April 2021, organised with the City of Bonn, Manizales exchanged with cities that already report on the goals. Bonn shared how it involves citizens and links its sustainability strategy to the SDGs.",
                ),
                (
                    "project_ideas",
                    "In a virtual local project workshop with three sessions from September to November 2021, the city developed ideas for SDG days, citizen labs on transformative local action and a first Voluntary Local Review.",
                ),
                (
                    "results",
                    "Manizales has a set of concrete ideas for raising awareness of the SDGs and for reporting on them, ready to be worked out with partners in the city.",
                ),
            ],
        },
        de={
            "title": "Kommunales und bürgerschaftliches Engagement für die SDGs",
            "teaser": "Manizales möchte, dass seine Bürgerinnen und Bürger die Ziele für nachhaltige Entwicklung kennen und danach handeln – Ideen für SDG-Tage, Bürgerlabore und einen lokalen Bericht entstanden in einer Werkstatt mit Bonn.",
            "origin": "Virtuelle Dialogveranstaltung zu lokaler SDG-Berichterstattung und -Monitoring, April 2021 (mit der Stadt Bonn)",
            "tags": ["sdg-lokalisierung", "bürgerbeteiligung", "bewusstseinsbildung"],
            "sections": [
                (
                    "initial_situation",
                    "Die kolumbianische Stadt Manizales hat sich der Agenda 2030 verpflichtet, doch die meisten Menschen wissen wenig über die Ziele für nachhaltige Entwicklung und ihre Bedeutung für die Stadt. Ohne öffentliche Unterstützung bleibt die Lokalisierung der Ziele allein Sache der Verwaltung.",
                ),
                (
                    "learning_experience",
                    "Bei einer virtuellen Dialogveranstaltung zu lokaler SDG-Berichterstattung im April 2021, gemeinsam mit der Stadt Bonn ausgerichtet, tauschte sich Manizales mit Städten aus, die bereits über die Ziele berichten. Bonn zeigte, wie es Bürgerinnen und Bürger einbezieht und seine Nachhaltigkeitsstrategie mit den SDGs verbindet.",
                ),
                (
                    "project_ideas",
                    "In einer virtuellen lokalen Projektwerkstatt mit drei Sitzungen von September bis November 2021 entwickelte die Stadt Ideen für SDG-Tage, Bürgerlabore für transformatives lokales Handeln und einen ersten freiwilligen lokalen Bericht.",
                ),
                (
                    "results",
                    "Manizales hat konkrete Ideen, um die SDGs bekannter zu machen und über sie zu berichten, die nun mit Partnern in der Stadt ausgearbeitet werden können.",
                ),
            ],
        },
    ),
    Project(
        slug="turning-waste-into-a-resource-bizerte",
        cities=[("bizerte", REQUESTING), ("rostock", PEER)],
        stage=Stage.IMPLEMENTED,
        cluster=MS,
        field_of_action="waste-management-and-recycling",
        sdgs=[11, 12, 13],
        related_practices=["integrated-waste-management"],
        milestones=[
            (
                date(2016, 9, 1),
                EVENT,
                "Dialogue event 'Planning integrated solid waste management at the municipal level' in Rostock",
                "Dialogveranstaltung „Integrierte Abfallwirtschaft auf kommunaler Ebene planen“ in Rostock",
            ),
            (
                date(2017, 2, 14),
                MOU,
                "Partnership between Bizerte and Rostock signed",
                "Partnerschaft zwischen Biserta und Rostock unterzeichnet",
            ),
            (
                date(2020, 12, 1),
                IMPLEMENTATION,
                "Composting plant commissioned",
                "Kompostierungsanlage in Betrieb genommen",
            ),
        ],
        en={
            "title": "Turning waste into a resource",
            "teaser": "Bizerte and its partner city Rostock turned a dialogue event on waste management into a partnership – and a composting plant that went into operation at the end of 2020.",
            "origin": "Dialogue event 'Planning integrated solid waste management at the municipal level', Rostock, September 2016",
            "tags": ["composting", "waste management", "city partnership"],
            "figures": [("115,000", "inhabitants of Bizerte (approx.)")],
            "sections": [
                (
                    "initial_situation",
                    "Bizerte, a Tunisian port city of about 115,000 inhabitants, produces large amounts of organic waste that used to end up on landfill. The city was looking for ways to reduce the amount landfilled and put the waste to use.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "At the dialogue event on integrated solid waste management in Rostock in September 2016, Bizerte's delegation learnt how German municipalities collect and treat organic waste. Rostock and Bizerte decided to continue working together.",
                ),
                (
                    "project_ideas",
                    "The two cities signed a partnership on 14 February 2017 and developed a composting project for Bizerte. Funding from the Nakopa programme for municipal partnership projects made the investment possible.",
                ),
                (
                    "results",
                    "A composting plant was commissioned in Bizerte at the end of 2020. Organic waste now becomes compost instead of landfill, and the partnership between the two cities continues.",
                ),
            ],
        },
        de={
            "title": "Aus Abfall wird ein Rohstoff",
            "teaser": "Biserta und seine Partnerstadt Rostock machten aus einer Dialogveranstaltung zur Abfallwirtschaft eine Partnerschaft – und eine Kompostierungsanlage, die Ende 2020 in Betrieb ging.",
            "origin": "Dialogveranstaltung „Integrierte Abfallwirtschaft auf kommunaler Ebene planen“, Rostock, September 2016",
            "tags": ["kompostierung", "abfallwirtschaft", "städtepartnerschaft"],
            "figures": [("115.000", "Einwohnerinnen und Einwohner von Biserta (ca.)")],
            "sections": [
                (
                    "initial_situation",
                    "Biserta, eine tunesische Hafenstadt mit rund 115.000 Einwohnerinnen und Einwohnern, erzeugt große Mengen organischer Abfälle, die bisher auf der Deponie landeten. Die Stadt suchte nach Wegen, weniger zu deponieren und die Abfälle zu nutzen.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "Bei der Dialogveranstaltung zur integrierten Abfallwirtschaft in Rostock im September 2016 erfuhr die Delegation aus Biserta, wie deutsche Kommunen Bioabfälle sammeln und behandeln. Rostock und Biserta beschlossen, weiter zusammenzuarbeiten.",
                ),
                (
                    "project_ideas",
                    "Die beiden Städte unterzeichneten am 14. Februar 2017 eine Partnerschaft und entwickelten ein Kompostierungsprojekt für Biserta. Mittel aus dem Programm Nakopa für kommunale Partnerschaftsprojekte machten die Investition möglich.",
                ),
                (
                    "results",
                    "Ende 2020 wurde in Biserta eine Kompostierungsanlage in Betrieb genommen. Bioabfälle werden nun zu Kompost statt zu Deponiegut, und die Partnerschaft der beiden Städte geht weiter.",
                ),
            ],
        },
    ),
    Project(
        slug="dresden-and-brazzaville-embrace-urban-gardening",
        cities=[("brazzaville", REQUESTING), ("dresden", PEER)],
        stage=Stage.CONCEPT,
        cluster=IUD,
        field_of_action="urban-gardening",
        sdgs=[2, 11],
        related_practices=["andernach-eatable-city"],
        milestones=[
            (
                date(2021, 4, 20),
                EVENT,
                "Virtual dialogue event 'Urban Gardening' with five Berlin districts",
                "Virtuelle Dialogveranstaltung „Urban Gardening“ mit fünf Berliner Bezirken",
            ),
            (
                date(2021, 11, 16),
                WORKSHOP,
                "Virtual project workshop on urban gardening and community-based initiatives",
                "Virtuelle Projektwerkstatt zu Urban Gardening und Initiativen aus der Bürgerschaft",
            ),
        ],
        en={
            "title": "Dresden and Brazzaville embrace urban gardening",
            "teaser": "Twin cities since 1975, Dresden and Brazzaville now exchange on urban gardening and on how community initiatives can green a city and feed its people.",
            "origin": "Virtual dialogue event 'Urban Gardening' with five Berlin districts, 20–22 April 2021",
            "tags": ["urban gardening", "city partnership", "community initiatives"],
            "sections": [
                (
                    "initial_situation",
                    "In Brazzaville, many residents grow vegetables on small plots in and around the city, often without secure access to land or water. Dresden has a lively scene of community gardens. The two cities have been twinned since 1975.",
                ),
                (
                    "learning_experience",
                    "Both cities took part in the virtual dialogue event 'Urban Gardening' with five Berlin districts in April 2021. In a virtual project workshop on 16 November 2021 they looked at the role of community-based initiatives and at how a city administration can support them.",
                ),
                (
                    "project_ideas",
                    "Ideas include securing land for gardens, advising gardeners on water-saving methods and connecting community initiatives in both cities.",
                ),
                (
                    "results",
                    "The twinning has gained a new, practical theme. The cities are working out how to take the ideas from the workshop forward.",
                ),
            ],
        },
        de={
            "title": "Dresden und Brazzaville setzen auf Urban Gardening",
            "teaser": "Dresden und Brazzaville, seit 1975 Partnerstädte, tauschen sich nun über Urban Gardening aus – und darüber, wie Initiativen aus der Bürgerschaft eine Stadt begrünen und ernähren können.",
            "origin": "Virtuelle Dialogveranstaltung „Urban Gardening“ mit fünf Berliner Bezirken, 20.–22. April 2021",
            "tags": ["urban gardening", "städtepartnerschaft", "bürgerinitiativen"],
            "sections": [
                (
                    "initial_situation",
                    "In Brazzaville bauen viele Menschen auf kleinen Flächen in und um die Stadt Gemüse an, oft ohne gesicherten Zugang zu Land oder Wasser. Dresden hat eine lebendige Szene von Gemeinschaftsgärten. Die beiden Städte sind seit 1975 Partnerstädte.",
                ),
                (
                    "learning_experience",
                    "Beide Städte nahmen im April 2021 an der virtuellen Dialogveranstaltung „Urban Gardening“ mit fünf Berliner Bezirken teil. In einer virtuellen Projektwerkstatt am 16. November 2021 befassten sie sich mit der Rolle von Initiativen aus der Bürgerschaft und damit, wie eine Stadtverwaltung sie unterstützen kann.",
                ),
                (
                    "project_ideas",
                    "Zu den Ideen gehören, Flächen für Gärten zu sichern, Gärtnernde zu wassersparenden Methoden zu beraten und Initiativen in beiden Städten miteinander zu vernetzen.",
                ),
                (
                    "results",
                    "Die Städtepartnerschaft hat ein neues, praktisches Thema gewonnen. Die Städte arbeiten daran, die Ideen aus der Werkstatt weiterzuführen.",
                ),
            ],
        },
    ),
    Project(
        slug="protecting-viticulture-and-tourism-from-climate-change",
        cities=[("tunuyan", REQUESTING), ("eltville-am-rhein", PEER)],
        stage=Stage.ADVISORY,
        cluster=IUD,
        sdgs=[8, 11, 13],
        milestones=[
            (
                date(2021, 12, 9),
                MISSION,
                "Virtual expert exchange with about 30 participants",
                "Virtueller Fachaustausch mit rund 30 Teilnehmenden",
            ),
            (
                date(2023, 2, 1),
                STUDY_TOUR,
                "Delegation from Eltville visits Argentina within the municipal climate partnership",
                "Delegation aus Eltville besucht Argentinien im Rahmen der kommunalen Klimapartnerschaft",
            ),
        ],
        en={
            "title": "Protecting viticulture and tourism from climate change",
            "teaser": "Two wine towns, Eltville am Rhein and Tunuyán in Argentina, work together against the effects of climate change on their vineyards and their tourism.",
            "origin": "Virtual expert exchange on climate impacts in municipalities with viticulture and tourism, 9 December 2021",
            "tags": [
                "climate adaptation",
                "viticulture",
                "tourism",
                "climate partnership",
            ],
            "sections": [
                (
                    "initial_situation",
                    "Eltville in the Rheingau and Tunuyán in the Uco Valley of Mendoza both live from wine and from the visitors it attracts. Heat, drought, heavy rain and hail threaten the harvests and with them local jobs and tourism.",
                ),
                (
                    "learning_experience",
                    "In a virtual expert exchange on 9 December 2021, about 30 participants from both towns compared how climate change affects their vineyards and what each is doing about it. Both mayors then signed a memorandum of understanding online.",
                ),
                (
                    "project_ideas",
                    "The towns want to share knowledge on water management, adapted cultivation and tourism that can cope with a changing climate, and to involve winegrowers and tourism businesses.",
                ),
                (
                    "results",
                    "The cooperation continues as a municipal climate partnership supported by the Service Agency Communities in One World; a delegation from Eltville visited Argentina in February 2023.",
                ),
            ],
        },
        de={
            "title": "Schutz von Weinanbau und Tourismus vor den Folgen des Klimawandels",
            "teaser": "Zwei Weinstädte, Eltville am Rhein und Tunuyán in Argentinien, arbeiten gemeinsam gegen die Folgen des Klimawandels für ihre Weinberge und ihren Tourismus.",
            "origin": "Virtueller Fachaustausch zu Klimafolgen in Kommunen mit Weinbau und Tourismus, 9. Dezember 2021",
            "tags": ["klimaanpassung", "weinbau", "tourismus", "klimapartnerschaft"],
            "sections": [
                (
                    "initial_situation",
                    "Eltville im Rheingau und Tunuyán im Uco-Tal in Mendoza leben beide vom Wein und von den Gästen, die er anzieht. Hitze, Trockenheit, Starkregen und Hagel bedrohen die Ernten und damit Arbeitsplätze und Tourismus vor Ort.",
                ),
                (
                    "learning_experience",
                    "In einem virtuellen Fachaustausch am 9. Dezember 2021 verglichen rund 30 Teilnehmende aus beiden Städten, wie der Klimawandel ihre Weinberge trifft und was sie jeweils dagegen tun. Anschließend unterzeichneten beide Bürgermeister online eine Absichtserklärung.",
                ),
                (
                    "project_ideas",
                    "Die Städte wollen Wissen über Wassermanagement, angepassten Anbau und einen Tourismus austauschen, der mit einem veränderten Klima zurechtkommt, und dabei Winzerbetriebe und Tourismuswirtschaft einbeziehen.",
                ),
                (
                    "results",
                    "Die Zusammenarbeit wird als kommunale Klimapartnerschaft mit Unterstützung der Servicestelle Kommunen in der Einen Welt fortgeführt; im Februar 2023 besuchte eine Delegation aus Eltville Argentinien.",
                ),
            ],
        },
    ),
    Project(
        slug="communication-for-local-vaccination-campaigns",
        cities=[("bogota", REQUESTING), ("stuttgart", PEER)],
        stage=Stage.ADVISORY,
        cluster=GUG,
        field_of_action="public-health",
        sdgs=[3, 16],
        milestones=[
            (
                date(2021, 3, 22),
                EVENT,
                "Virtual COVID-19 response dialogue on vaccination strategies and communication",
                "Virtueller COVID-19-Dialog zu Impfstrategien und Kommunikation",
            ),
            (
                date(2021, 11, 5),
                WORKSHOP,
                "First virtual peer session Bogotá–Stuttgart",
                "Erste virtuelle Peer-Sitzung Bogotá–Stuttgart",
            ),
            (
                date(2021, 11, 30),
                WORKSHOP,
                "Second virtual peer session Bogotá–Stuttgart",
                "Zweite virtuelle Peer-Sitzung Bogotá–Stuttgart",
            ),
        ],
        en={
            "title": "Communication decides the success of local vaccination campaigns",
            "teaser": "Bogotá and Stuttgart compared how they reached people with COVID-19 vaccination – and what communication can do for trust in a public health campaign.",
            "origin": "Virtual COVID-19 response dialogue on vaccination strategies and communication, 22 and 25 March 2021",
            "tags": ["covid-19", "public health", "communication"],
            "sections": [
                (
                    "initial_situation",
                    "During the COVID-19 pandemic, cities had to organise vaccination on a huge scale and win the trust of residents who were unsure or hard to reach. Bogotá was looking for ways to bring vaccination closer to neighbourhoods with low uptake.",
                ),
                (
                    "learning_experience",
                    "At a virtual response dialogue on vaccination strategies and communication in March 2021, municipal experts from several countries shared their approaches. Bogotá and Stuttgart agreed to go into more depth together.",
                ),
                (
                    "project_ideas",
                    "In two virtual peer sessions on 5 and 30 November 2021, the cities discussed mobile vaccination offers, cooperation with community leaders and clear, multilingual information.",
                ),
                (
                    "results",
                    "Both cities took away practical ideas for reaching people who are hesitant about vaccination, useful well beyond COVID-19 for future public health campaigns.",
                ),
            ],
        },
        de={
            "title": "Kommunikation entscheidet mit über den Erfolg lokaler Impfkampagnen",
            "teaser": "Bogotá und Stuttgart haben verglichen, wie sie Menschen mit der COVID-19-Impfung erreichten – und was Kommunikation für das Vertrauen in eine Gesundheitskampagne leisten kann.",
            "origin": "Virtueller COVID-19-Dialog zu Impfstrategien und Kommunikation, 22. und 25. März 2021",
            "tags": ["covid-19", "öffentliche gesundheit", "kommunikation"],
            "sections": [
                (
                    "initial_situation",
                    "In der COVID-19-Pandemie mussten Städte Impfungen in riesigem Umfang organisieren und das Vertrauen von Menschen gewinnen, die unsicher oder schwer erreichbar waren. Bogotá suchte nach Wegen, die Impfung in Stadtteile mit geringer Impfquote zu bringen.",
                ),
                (
                    "learning_experience",
                    "Bei einem virtuellen Dialog zu Impfstrategien und Kommunikation im März 2021 teilten kommunale Fachleute aus mehreren Ländern ihre Ansätze. Bogotá und Stuttgart vereinbarten, gemeinsam tiefer einzusteigen.",
                ),
                (
                    "project_ideas",
                    "In zwei virtuellen Peer-Sitzungen am 5. und 30. November 2021 besprachen die Städte mobile Impfangebote, die Zusammenarbeit mit Vertrauenspersonen in den Stadtteilen und klare, mehrsprachige Information.",
                ),
                (
                    "results",
                    "Beide Städte nahmen praktische Ideen mit, wie sich zögernde Menschen erreichen lassen – nützlich weit über COVID-19 hinaus für künftige Gesundheitskampagnen.",
                ),
            ],
        },
    ),
    Project(
        slug="climate-adapted-urban-development-kumasi-dortmund",
        cities=[("kumasi", REQUESTING), ("dortmund", PEER)],
        stage=Stage.ADVISORY,
        cluster=IUD,
        sdgs=[11, 13, 15],
        related_practices=["phoenix-dortmund-hoerde"],
        milestones=[
            (
                date(2019, 9, 3),
                EVENT,
                "Dialogue event 'Climate proofing urban development' in Dortmund",
                "Dialogveranstaltung „Klimagerechte Stadtentwicklung“ in Dortmund",
            ),
            (
                date(2020, 10, 7),
                MOU,
                "Memorandum of understanding between Kumasi and Dortmund",
                "Absichtserklärung zwischen Kumasi und Dortmund",
            ),
        ],
        en={
            "title": "Climate-adapted urban development in Kumasi and Dortmund",
            "teaser": "A dialogue event in Dortmund revived the partnership with Kumasi: the two cities now work together on climate adaptation, starting with trees on school grounds.",
            "origin": "Dialogue event 'Climate proofing urban development', Dortmund, 3–5 September 2019",
            "tags": ["climate adaptation", "urban trees", "city partnership"],
            "sections": [
                (
                    "initial_situation",
                    "Kumasi, Ghana's second-largest city, is growing quickly and losing green space, while heat and heavy rain increase. Dortmund and Kumasi had a partnership that had been dormant for some time.",
                ),
                (
                    "learning_experience",
                    "At the dialogue event 'Climate proofing urban development' in Dortmund in September 2019, participants from Kumasi saw how Dortmund adapts to climate change, including at the Phoenix lake on a former steelworks site. The two cities decided to reactivate their partnership.",
                ),
                (
                    "project_ideas",
                    "Kumasi plants trees on school grounds to provide shade and cool the neighbourhood. Dortmund advises on how young trees can be protected and cared for so that they survive.",
                ),
                (
                    "results",
                    "A memorandum of understanding was signed on 7 October 2020. The partnership is active again, with climate adaptation as its shared theme.",
                ),
            ],
        },
        de={
            "title": "Klimaangepasste Stadtentwicklung in Kumasi und Dortmund",
            "teaser": "Eine Dialogveranstaltung in Dortmund hat die Partnerschaft mit Kumasi wiederbelebt: Beide Städte arbeiten nun gemeinsam an der Klimaanpassung, beginnend mit Bäumen auf Schulhöfen.",
            "origin": "Dialogveranstaltung „Klimagerechte Stadtentwicklung“, Dortmund, 3.–5. September 2019",
            "tags": ["klimaanpassung", "stadtbäume", "städtepartnerschaft"],
            "sections": [
                (
                    "initial_situation",
                    "Kumasi, die zweitgrößte Stadt Ghanas, wächst schnell und verliert Grünflächen, während Hitze und Starkregen zunehmen. Dortmund und Kumasi verband eine Partnerschaft, die eine Zeit lang geruht hatte.",
                ),
                (
                    "learning_experience",
                    "Bei der Dialogveranstaltung „Klimagerechte Stadtentwicklung“ in Dortmund im September 2019 sahen die Teilnehmenden aus Kumasi, wie Dortmund sich an den Klimawandel anpasst, unter anderem am Phoenix-See auf einem früheren Stahlwerksgelände. Die beiden Städte beschlossen, ihre Partnerschaft wiederzubeleben.",
                ),
                (
                    "project_ideas",
                    "Kumasi pflanzt Bäume auf Schulhöfen, die Schatten spenden und das Quartier kühlen. Dortmund berät, wie junge Bäume geschützt und gepflegt werden können, damit sie anwachsen.",
                ),
                (
                    "results",
                    "Am 7. Oktober 2020 wurde eine Absichtserklärung unterzeichnet. Die Partnerschaft ist wieder lebendig, mit der Klimaanpassung als gemeinsamem Thema.",
                ),
            ],
        },
    ),
    Project(
        slug="umbrella-organisation-informal-waste-collectors-mitrovica",
        cities=[("mitrovica", REQUESTING)],
        stage=Stage.CONCEPT,
        cluster=MS,
        field_of_action="waste-management-and-recycling",
        sdgs=[8, 11, 12],
        related_practices=["integrated-waste-management"],
        en={
            "title": "An umbrella organisation for informal waste collectors in Mitrovica",
            "teaser": "About 300 people in Mitrovica make a living from collecting recyclables. A roadmap shows how an umbrella organisation could give them a voice and a place in the city's waste system.",
            "origin": "Connective Cities learning process on waste management",
            "tags": ["informal sector", "waste collection", "recycling"],
            "figures": [("300", "informal waste collectors (approx.)")],
            "sections": [
                (
                    "initial_situation",
                    "In Mitrovica, about 300 informal collectors gather recyclable materials and sell them on. Their work keeps material out of landfill, but it is poorly paid, unprotected and invisible in the city's waste planning.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "In a Connective Cities learning process on waste management, Mitrovica learnt how other cities have organised informal collectors and brought them into municipal waste systems.",
                ),
                (
                    "project_ideas",
                    "An umbrella organisation would represent the collectors, negotiate with the municipality and waste companies and open access to training, equipment and social protection.",
                ),
                (
                    "results",
                    "A roadmap for setting up the organisation has been drafted; it names the steps, partners and open questions.",
                ),
            ],
        },
        de={
            "title": "Ein Dachverband für informelle Abfallsammler in Mitrovica",
            "teaser": "Rund 300 Menschen in Mitrovica leben vom Sammeln von Wertstoffen. Ein Fahrplan zeigt, wie ein Dachverband ihnen eine Stimme und einen Platz im Abfallsystem der Stadt geben könnte.",
            "origin": "Lernprozess von Connective Cities zur Abfallwirtschaft",
            "tags": ["informeller sektor", "abfallsammlung", "recycling"],
            "figures": [("300", "informelle Abfallsammlerinnen und -sammler (ca.)")],
            "sections": [
                (
                    "initial_situation",
                    "In Mitrovica sammeln rund 300 informelle Sammlerinnen und Sammler Wertstoffe und verkaufen sie weiter. Ihre Arbeit hält Material von der Deponie fern, ist aber schlecht bezahlt, ungeschützt und in der Abfallplanung der Stadt unsichtbar.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "In einem Lernprozess von Connective Cities zur Abfallwirtschaft erfuhr Mitrovica, wie andere Städte informelle Sammler organisiert und in die kommunale Abfallwirtschaft eingebunden haben.",
                ),
                (
                    "project_ideas",
                    "Ein Dachverband würde die Sammlerinnen und Sammler vertreten, mit der Stadt und den Entsorgungsunternehmen verhandeln und Zugang zu Schulungen, Ausrüstung und sozialer Absicherung eröffnen.",
                ),
                (
                    "results",
                    "Ein Fahrplan für die Gründung des Verbands liegt im Entwurf vor; er benennt Schritte, Partner und offene Fragen.",
                ),
            ],
        },
    ),
    Project(
        slug="community-based-solid-waste-management-langata-nairobi",
        cities=[("nairobi", REQUESTING), ("bsr", EXPERT), ("johannesburg", EXPERT)],
        stage=Stage.ADVISORY,
        cluster=MS,
        field_of_action="waste-management-and-recycling",
        sdgs=[8, 11, 12],
        related_practices=["integrated-waste-management"],
        milestones=[
            (
                date(2017, 1, 25),
                WORKSHOP,
                "Local project workshop 'Community-based solid waste management in Nairobi'",
                "Lokale Projektwerkstatt „Gemeinschaftsbasierte Abfallwirtschaft in Nairobi“",
            ),
            (
                date(2017, 10, 1),
                MISSION,
                "Expert mission on restructuring the waste sector",
                "Expertenmission zur Neuordnung des Abfallsektors",
            ),
        ],
        en={
            "title": "Strengthening community-based organisations in solid waste management",
            "teaser": "In Nairobi's Lang'ata sub-county, community groups collect much of the waste. With experts from Berlin's waste company BSR and from Johannesburg, the county worked on giving them a firmer place in the system.",
            "origin": "Local project workshop 'Community-based solid waste management in Nairobi', 25–27 January 2017",
            "tags": [
                "waste collection",
                "community-based organisations",
                "informal sector",
            ],
            "sections": [
                (
                    "initial_situation",
                    "In Lang'ata sub-county, as in much of Nairobi, community-based organisations and informal collectors do a large share of waste collection. Their work is essential but poorly coordinated with the county's services and often insecure.",
                ),
                (
                    "learning_experience",
                    "At a local project workshop in Nairobi in January 2017, county staff, community groups and peers discussed how community-based collection could be organised better. Experts from Berliner Stadtreinigung (BSR) and from the City of Johannesburg brought in their experience.",
                ),
                (
                    "project_ideas",
                    "The ideas focus on registering and supporting community groups, clarifying their role alongside the county's services and improving working conditions for collectors.",
                ),
                (
                    "results",
                    "In October 2017, an expert mission advised Nairobi on restructuring its waste sector and on strengthening the informal sector within it.",
                ),
            ],
        },
        de={
            "title": "Gemeinschaftsbasierte Organisationen in der Abfallwirtschaft stärken",
            "teaser": "Im Nairobier Unterbezirk Lang'ata sammeln Gemeinschaftsgruppen einen großen Teil des Abfalls. Mit Fachleuten der Berliner Stadtreinigung und aus Johannesburg arbeitete das County daran, ihnen einen festeren Platz im System zu geben.",
            "origin": "Lokale Projektwerkstatt „Gemeinschaftsbasierte Abfallwirtschaft in Nairobi“, 25.–27. Januar 2017",
            "tags": [
                "abfallsammlung",
                "gemeinschaftsorganisationen",
                "informeller sektor",
            ],
            "sections": [
                (
                    "initial_situation",
                    "Im Unterbezirk Lang'ata erledigen, wie in weiten Teilen Nairobis, gemeinschaftsbasierte Organisationen und informelle Sammler einen großen Teil der Abfallsammlung. Ihre Arbeit ist unverzichtbar, aber kaum mit den Diensten des County abgestimmt und oft unsicher.",
                ),
                (
                    "learning_experience",
                    "Bei einer lokalen Projektwerkstatt in Nairobi im Januar 2017 besprachen Mitarbeitende des County, Gemeinschaftsgruppen und Fachleute, wie sich die gemeinschaftsbasierte Sammlung besser organisieren lässt. Fachleute der Berliner Stadtreinigung (BSR) und der Stadt Johannesburg brachten ihre Erfahrung ein.",
                ),
                (
                    "project_ideas",
                    "Die Ideen zielen darauf, Gemeinschaftsgruppen zu registrieren und zu unterstützen, ihre Rolle neben den Diensten des County zu klären und die Arbeitsbedingungen der Sammlerinnen und Sammler zu verbessern.",
                ),
                (
                    "results",
                    "Im Oktober 2017 beriet eine Expertenmission Nairobi zur Neuordnung des Abfallsektors und zur Stärkung des informellen Sektors darin.",
                ),
            ],
        },
    ),
    Project(
        slug="digitalisation-of-the-administration-of-nablus",
        cities=[("nablus", REQUESTING), ("nuremberg", PEER)],
        stage=Stage.ADVISORY,
        cluster=GUG,
        field_of_action="smart-cities-digitalisation",
        sdgs=[9, 16],
        related_practices=["open-government-ras-el-matn"],
        milestones=[
            (
                date(2018, 10, 23),
                EVENT,
                "Dialogue event 'Strategies for a Digital City' in Nuremberg",
                "Dialogveranstaltung „Strategien für eine digitale Stadt“ in Nürnberg",
            ),
            (
                date(2019, 12, 27),
                MISSION,
                "Expert mission to Nablus",
                "Expertenmission nach Nablus",
            ),
        ],
        en={
            "title": "Digitalisation of the administration of Nablus",
            "teaser": "After a dialogue event in Nuremberg, Nablus set out to digitalise its administration – with an expert mission at the end of 2019.",
            "origin": "Dialogue event 'Strategies for a Digital City', Nuremberg, 23–25 October 2018",
            "tags": ["digitalisation", "e-government", "administration"],
            "sections": [
                (
                    "initial_situation",
                    "Many procedures in the municipality of Nablus were still paper-based, which made services slow for residents and businesses and made it hard to share information between departments.",
                ),
                (
                    "learning_experience",
                    "At the dialogue event 'Strategies for a Digital City' in Nuremberg in October 2018, Nablus's delegation learnt how German cities plan and carry out the digital transformation of their administrations.",
                ),
                (
                    "project_ideas",
                    "Nablus wants a strategy for digitalising its administration, starting with services that many residents use and with the internal processes behind them.",
                ),
                (
                    "results",
                    "An expert mission to Nablus from 27 to 30 December 2019 helped the municipality take stock and set priorities for its digital transformation.",
                ),
            ],
        },
        de={
            "title": "Digitalisierung der Verwaltung von Nablus",
            "teaser": "Nach einer Dialogveranstaltung in Nürnberg machte sich Nablus daran, seine Verwaltung zu digitalisieren – mit einer Expertenmission Ende 2019.",
            "origin": "Dialogveranstaltung „Strategien für eine digitale Stadt“, Nürnberg, 23.–25. Oktober 2018",
            "tags": ["digitalisierung", "e-government", "verwaltung"],
            "sections": [
                (
                    "initial_situation",
                    "Viele Verfahren der Stadtverwaltung Nablus liefen noch auf Papier. Das machte Leistungen für Bürgerinnen, Bürger und Unternehmen langsam und erschwerte den Informationsaustausch zwischen den Ämtern.",
                ),
                (
                    "learning_experience",
                    "Bei der Dialogveranstaltung „Strategien für eine digitale Stadt“ in Nürnberg im Oktober 2018 erfuhr die Delegation aus Nablus, wie deutsche Städte die digitale Transformation ihrer Verwaltungen planen und umsetzen.",
                ),
                (
                    "project_ideas",
                    "Nablus möchte eine Strategie zur Digitalisierung seiner Verwaltung, beginnend mit Leistungen, die viele Menschen nutzen, und den internen Abläufen dahinter.",
                ),
                (
                    "results",
                    "Eine Expertenmission nach Nablus vom 27. bis 30. Dezember 2019 half der Stadt, eine Bestandsaufnahme zu machen und Prioritäten für ihre digitale Transformation zu setzen.",
                ),
            ],
        },
    ),
    Project(
        slug="isipingo-urban-regeneration-urban-nexus",
        cities=[("ethekwini", REQUESTING)],
        stage=Stage.CONCEPT,
        cluster=IUD,
        field_of_action="urban-renewal",
        sdgs=[6, 7, 11],
        milestones=[
            (
                date(2016, 6, 1),
                EVENT,
                "Regional dialogue event 'Rethinking urban upgrading'",
                "Regionale Dialogveranstaltung „Stadterneuerung neu denken“",
            ),
            (
                date(2016, 11, 16),
                WORKSHOP,
                "Training 'Implementing the Urban Nexus approach' in Durban",
                "Training „Den Urban-Nexus-Ansatz umsetzen“ in Durban",
            ),
        ],
        en={
            "title": "Isipingo urban regeneration (Urban Nexus)",
            "teaser": "eThekwini Municipality used the Urban Nexus approach – planning water, energy, land and food together – to rethink the regeneration of Isipingo in Durban.",
            "origin": "Regional dialogue event 'Rethinking urban upgrading', June 2016",
            "tags": ["urban nexus", "urban regeneration", "integrated planning"],
            "sections": [
                (
                    "initial_situation",
                    "Isipingo, south of central Durban, faces typical challenges of urban upgrading: ageing infrastructure, pressure on land and services and risks from flooding. Departments of eThekwini Municipality often planned their measures separately.",
                ),
                (
                    "learning_experience",
                    "At a regional dialogue event on rethinking urban upgrading in June 2016, practitioners discussed integrated approaches. At a training on implementing the Urban Nexus approach in Durban from 16 to 18 November 2016, municipal staff learnt to plan water, energy, land use and food security together.",
                ),
                (
                    "project_ideas",
                    "For Isipingo, the training produced ideas that link several sectors, such as using synergies between water, energy and land use in the regeneration of the area.",
                ),
                (
                    "results",
                    "The municipality has a cross-sector perspective on Isipingo's regeneration and staff trained in the Urban Nexus approach.",
                ),
            ],
        },
        de={
            "title": "Stadterneuerung in Isipingo (Urban Nexus)",
            "teaser": "Die Stadtverwaltung eThekwini nutzte den Urban-Nexus-Ansatz – Wasser, Energie, Fläche und Ernährung gemeinsam planen –, um die Erneuerung von Isipingo in Durban neu zu denken.",
            "origin": "Regionale Dialogveranstaltung „Stadterneuerung neu denken“, Juni 2016",
            "tags": ["urban nexus", "stadterneuerung", "integrierte planung"],
            "sections": [
                (
                    "initial_situation",
                    "Isipingo, südlich des Zentrums von Durban, steht vor typischen Herausforderungen der Stadterneuerung: alternde Infrastruktur, Druck auf Flächen und Leistungen und Überschwemmungsrisiken. Die Ämter der Stadtverwaltung eThekwini planten ihre Maßnahmen oft getrennt.",
                ),
                (
                    "learning_experience",
                    "Bei einer regionalen Dialogveranstaltung zur Stadterneuerung im Juni 2016 diskutierten Fachleute integrierte Ansätze. In einem Training zur Umsetzung des Urban-Nexus-Ansatzes in Durban vom 16. bis 18. November 2016 lernten Mitarbeitende der Stadt, Wasser, Energie, Flächennutzung und Ernährungssicherheit gemeinsam zu planen.",
                ),
                (
                    "project_ideas",
                    "Für Isipingo entstanden im Training Ideen, die mehrere Sektoren verbinden, etwa Synergien zwischen Wasser, Energie und Flächennutzung bei der Erneuerung des Gebiets zu nutzen.",
                ),
                (
                    "results",
                    "Die Stadt hat einen sektorübergreifenden Blick auf die Erneuerung von Isipingo und im Urban-Nexus-Ansatz geschulte Mitarbeitende.",
                ),
            ],
        },
    ),
    Project(
        slug="trialogue-for-social-entrepreneurship",
        cities=[("kampala", REQUESTING), ("karlsruhe", PEER), ("strasbourg", PEER)],
        stage=Stage.ADVISORY,
        cluster=LED,
        field_of_action="start-up-promotion",
        sdgs=[8, 17],
        milestones=[
            (
                date(2021, 9, 20),
                EVENT,
                "Virtual dialogue event 'Social entrepreneurship enriches municipalities', hosted by Kiel",
                "Virtuelle Dialogveranstaltung „Sozialunternehmertum bereichert Kommunen“, Gastgeber Kiel",
            ),
            (
                date(2022, 7, 3),
                MISSION,
                "Expert mission from Karlsruhe to Kampala",
                "Expertenmission von Karlsruhe nach Kampala",
            ),
        ],
        en={
            "title": "Trialogue for social entrepreneurship",
            "teaser": "Kampala, Karlsruhe and Strasbourg exchange on how cities can support social enterprises – a trialogue that began at a virtual dialogue event in 2021.",
            "origin": "Virtual dialogue event 'Social entrepreneurship enriches municipalities', hosted by Kiel, 20, 21 and 23 September 2021",
            "tags": ["social entrepreneurship", "start-ups", "local economy"],
            "sections": [
                (
                    "initial_situation",
                    "Kampala has a young population and many people starting small businesses, some of which tackle social and environmental problems. The Kampala Capital City Authority wanted to know how a city can support such social enterprises.",
                ),
                (
                    "learning_experience",
                    "At the virtual dialogue event 'Social entrepreneurship enriches municipalities' in September 2021, Kampala met Karlsruhe and Strasbourg, two cities on either side of the Rhine that promote social entrepreneurship. The three agreed to continue as a trialogue.",
                ),
                (
                    "project_ideas",
                    "Ideas include advisory services for social entrepreneurs, access to premises and public procurement, and networks between enterprises, universities and the city.",
                ),
                (
                    "results",
                    "An expert mission from Karlsruhe to Kampala took place from 3 to 10 July 2022. The three cities continued to work together and reported on their joint work in September 2024.",
                ),
            ],
        },
        de={
            "title": "Trialog für Sozialunternehmertum",
            "teaser": "Kampala, Karlsruhe und Straßburg tauschen sich darüber aus, wie Städte Sozialunternehmen unterstützen können – ein Trialog, der 2021 bei einer virtuellen Dialogveranstaltung begann.",
            "origin": "Virtuelle Dialogveranstaltung „Sozialunternehmertum bereichert Kommunen“, Gastgeber Kiel, 20., 21. und 23. September 2021",
            "tags": ["sozialunternehmertum", "gründungen", "lokale wirtschaft"],
            "sections": [
                (
                    "initial_situation",
                    "Kampala hat eine junge Bevölkerung und viele Menschen, die kleine Unternehmen gründen, manche davon mit sozialen oder ökologischen Zielen. Die Hauptstadtbehörde Kampala wollte wissen, wie eine Stadt solche Sozialunternehmen unterstützen kann.",
                ),
                (
                    "learning_experience",
                    "Bei der virtuellen Dialogveranstaltung „Sozialunternehmertum bereichert Kommunen“ im September 2021 traf Kampala auf Karlsruhe und Straßburg, zwei Städte diesseits und jenseits des Rheins, die Sozialunternehmertum fördern. Die drei vereinbarten, als Trialog weiterzuarbeiten.",
                ),
                (
                    "project_ideas",
                    "Zu den Ideen gehören Beratung für Sozialunternehmerinnen und -unternehmer, Zugang zu Räumen und öffentlichen Aufträgen sowie Netzwerke zwischen Unternehmen, Hochschulen und Stadt.",
                ),
                (
                    "results",
                    "Vom 3. bis 10. Juli 2022 fand eine Expertenmission von Karlsruhe nach Kampala statt. Die drei Städte arbeiteten weiter zusammen und berichteten im September 2024 über ihre gemeinsame Arbeit.",
                ),
            ],
        },
    ),
    Project(
        slug="smart-technologies-in-public-transport-lutsk",
        cities=[("lutsk", REQUESTING), ("district-of-lippe", PEER)],
        stage=Stage.IMPLEMENTED,
        cluster=MS,
        sdgs=[9, 11],
        en={
            "title": "Smart technologies in public transport in Lutsk",
            "teaser": "In a partnership with the District of Lippe, the Ukrainian city of Lutsk equipped nine bus stops with smart technology – and received a special award of the Goerdeler Prize in 2023.",
            "origin": "Partnership between Lutsk and the District of Lippe, 2018–2021",
            "tags": ["public transport", "smart city", "city partnership"],
            "figures": [("9", "smart stops")],
            "sections": [
                (
                    "initial_situation",
                    "Passengers in Lutsk had little information about when their bus would come, which made public transport less attractive. The city wanted to modernise its stops and its passenger information.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "In a partnership from 2018 to 2021, Lutsk worked with the District of Lippe in Germany, which shared its experience with public transport in a largely rural district and with passenger information.",
                ),
                (
                    "project_ideas",
                    "Smart stops with real-time information and modern equipment were to make waiting easier and public transport more reliable to use.",
                ),
                (
                    "results",
                    "Nine smart stops were installed in Lutsk. In 2023 the project received a special award of the Goerdeler Prize, which honours outstanding municipal achievements.",
                ),
            ],
        },
        de={
            "title": "Smarte Technologien im öffentlichen Nahverkehr in Luzk",
            "teaser": "In einer Partnerschaft mit dem Kreis Lippe hat die ukrainische Stadt Luzk neun Haltestellen mit smarter Technik ausgestattet – und 2023 einen Sonderpreis des Goerdeler-Preises erhalten.",
            "origin": "Partnerschaft zwischen Luzk und dem Kreis Lippe, 2018–2021",
            "tags": ["öffentlicher nahverkehr", "smart city", "städtepartnerschaft"],
            "figures": [("9", "smarte Haltestellen")],
            "sections": [
                (
                    "initial_situation",
                    "Fahrgäste in Luzk wussten kaum, wann ihr Bus kommt, was den Nahverkehr unattraktiv machte. Die Stadt wollte ihre Haltestellen und die Fahrgastinformation modernisieren.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "In einer Partnerschaft von 2018 bis 2021 arbeitete Luzk mit dem Kreis Lippe zusammen, der seine Erfahrungen mit dem Nahverkehr in einem weitgehend ländlichen Kreis und mit Fahrgastinformation teilte.",
                ),
                (
                    "project_ideas",
                    "Smarte Haltestellen mit Echtzeitinformation und moderner Ausstattung sollten das Warten erleichtern und den Nahverkehr verlässlicher nutzbar machen.",
                ),
                (
                    "results",
                    "In Luzk wurden neun smarte Haltestellen eingerichtet. 2023 erhielt das Projekt einen Sonderpreis des Goerdeler-Preises, der herausragende kommunale Leistungen würdigt.",
                ),
            ],
        },
    ),
    Project(
        slug="municipal-geoinformation-system-beit-jala",
        cities=[("beit-jala", REQUESTING), ("jena", PEER)],
        stage=Stage.IMPLEMENTED,
        cluster=GUG,
        field_of_action="smart-cities-digitalisation",
        sdgs=[9, 11, 16],
        related_practices=["municipal-gis-abu-dhabi"],
        en={
            "title": "Municipal geoinformation system for Beit Jala",
            "teaser": "With support from Jena, the town of Beit Jala has built a municipal geoinformation system – with a local GIS expert working inside the administration from 2020 to 2024.",
            "origin": "",
            "tags": ["gis", "digitalisation", "city partnership"],
            "figures": [("17,500", "inhabitants of Beit Jala (approx.)")],
            "sections": [
                (
                    "initial_situation",
                    "Beit Jala, a town of about 17,500 inhabitants near Bethlehem, managed much of its spatial information on paper or in scattered files. Planning, permits and maintenance suffered from the lack of up-to-date maps.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "Jena shared its experience with a municipal geoinformation system and advised Beit Jala on how to build and run its own.",
                ),
                (
                    "project_ideas",
                    "A municipal GIS should bring together data on plots, buildings, roads and networks and be used by all departments.",
                ),
                (
                    "results",
                    "From 2020 to 2024 a local GIS expert worked inside the municipality to build up the system and train staff. Beit Jala now has a GIS that supports its daily work.",
                ),
            ],
        },
        de={
            "title": "Kommunales Geoinformationssystem für Beit Jala",
            "teaser": "Mit Unterstützung aus Jena hat die Stadt Beit Jala ein kommunales Geoinformationssystem aufgebaut – mit einem lokalen GIS-Fachmann, der von 2020 bis 2024 in der Verwaltung arbeitete.",
            "origin": "",
            "tags": ["gis", "digitalisierung", "städtepartnerschaft"],
            "figures": [("17.500", "Einwohnerinnen und Einwohner von Beit Jala (ca.)")],
            "sections": [
                (
                    "initial_situation",
                    "Beit Jala, eine Stadt mit rund 17.500 Einwohnerinnen und Einwohnern bei Bethlehem, verwaltete viele räumliche Informationen auf Papier oder in verstreuten Dateien. Planung, Genehmigungen und Unterhalt litten unter fehlenden aktuellen Karten.",
                ),
                ("figures", ""),
                (
                    "learning_experience",
                    "Jena teilte seine Erfahrung mit einem kommunalen Geoinformationssystem und beriet Beit Jala beim Aufbau und Betrieb eines eigenen.",
                ),
                (
                    "project_ideas",
                    "Ein kommunales GIS soll Daten zu Grundstücken, Gebäuden, Straßen und Leitungsnetzen zusammenführen und von allen Ämtern genutzt werden.",
                ),
                (
                    "results",
                    "Von 2020 bis 2024 arbeitete ein lokaler GIS-Fachmann in der Stadtverwaltung, baute das System auf und schulte die Mitarbeitenden. Beit Jala hat nun ein GIS, das die tägliche Arbeit unterstützt.",
                ),
            ],
        },
    ),
    Project(
        slug="cycling-promotion-in-skopje",
        cities=[("skopje", REQUESTING)],
        stage=Stage.CONCEPT,
        cluster=MS,
        sdgs=[3, 11, 13],
        related_practices=[
            "right-of-way-for-green-commuters-belo-horizonte",
            "cycling-canal-community-bangkok-bangmod",
        ],
        milestones=[
            (
                date(2017, 10, 10),
                EVENT,
                "Practitioners' workshop on sustainable urban mobility and climate change, the first Connective Cities event in South-East Europe",
                "Praxisworkshop zu nachhaltiger urbaner Mobilität und Klimawandel, die erste Veranstaltung von Connective Cities in Südosteuropa",
            ),
            (
                date(2017, 12, 13),
                WORKSHOP,
                "Local project workshop 'Increasing the number of cyclists in Skopje'",
                "Lokale Projektwerkstatt „Mehr Radfahrende in Skopje“",
            ),
        ],
        en={
            "title": "Cycling promotion in Skopje",
            "teaser": "Skopje wants more people on bicycles. A local project workshop in December 2017 turned ideas from a regional mobility workshop into plans for the city.",
            "origin": "Practitioners' workshop on sustainable urban mobility and climate change (South-East Europe), October 2017",
            "tags": ["cycling", "mobility", "air quality"],
            "sections": [
                (
                    "initial_situation",
                    "Skopje suffers from heavy car traffic and, especially in winter, from poor air quality. Only a small share of trips is made by bicycle, although distances in the city are often short.",
                ),
                (
                    "learning_experience",
                    "At the practitioners' workshop on sustainable urban mobility and climate change in October 2017, the first Connective Cities event in South-East Europe, Skopje's planners exchanged with peers on how to promote cycling.",
                ),
                (
                    "project_ideas",
                    "At a local project workshop from 13 to 15 December 2017, the city and its partners worked on ideas for safer cycling routes, parking for bicycles and campaigns that make cycling attractive.",
                ),
                (
                    "results",
                    "Skopje has a set of project ideas for increasing the number of cyclists, to be carried forward in its mobility planning.",
                ),
            ],
        },
        de={
            "title": "Radverkehrsförderung in Skopje",
            "teaser": "Skopje will mehr Menschen aufs Fahrrad bringen. Eine lokale Projektwerkstatt im Dezember 2017 machte aus Ideen eines regionalen Mobilitätsworkshops Pläne für die Stadt.",
            "origin": "Praxisworkshop zu nachhaltiger urbaner Mobilität und Klimawandel (Südosteuropa), Oktober 2017",
            "tags": ["radverkehr", "mobilität", "luftqualität"],
            "sections": [
                (
                    "initial_situation",
                    "Skopje leidet unter starkem Autoverkehr und, vor allem im Winter, unter schlechter Luft. Nur ein kleiner Teil der Wege wird mit dem Rad zurückgelegt, obwohl die Entfernungen in der Stadt oft kurz sind.",
                ),
                (
                    "learning_experience",
                    "Beim Praxisworkshop zu nachhaltiger urbaner Mobilität und Klimawandel im Oktober 2017, der ersten Veranstaltung von Connective Cities in Südosteuropa, tauschten sich die Planenden aus Skopje mit Kolleginnen und Kollegen über Radverkehrsförderung aus.",
                ),
                (
                    "project_ideas",
                    "In einer lokalen Projektwerkstatt vom 13. bis 15. Dezember 2017 arbeiteten die Stadt und ihre Partner an Ideen für sicherere Radrouten, Fahrradabstellanlagen und Kampagnen, die das Radfahren attraktiv machen.",
                ),
                (
                    "results",
                    "Skopje hat eine Reihe von Projektideen, um die Zahl der Radfahrenden zu erhöhen, die in die Mobilitätsplanung einfließen sollen.",
                ),
            ],
        },
    ),
    Project(
        slug="integrated-mobility-waste-public-services-krusevac",
        cities=[("krusevac", REQUESTING)],
        stage=Stage.ADVISORY,
        cluster=MS,
        sdgs=[9, 11],
        milestones=[
            (
                date(2021, 4, 1),
                EVENT,
                "Core group on sustainable mobility in South-East Europe",
                "Kerngruppe zu nachhaltiger Mobilität in Südosteuropa",
            ),
            (
                date(2021, 5, 25),
                MISSION,
                "Virtual expert talk on public-private partnership and a pre-implementation study",
                "Virtuelles Fachgespräch zu öffentlich-privater Partnerschaft und einer Vorstudie zur Umsetzung",
            ),
        ],
        en={
            "title": "Integrated mobility, waste and public-services project in Kruševac",
            "teaser": "Kruševac wants to connect mobility, waste management and other public services in one project – and sought advice on public-private partnership and a pre-implementation study.",
            "origin": "Core group on sustainable mobility in South-East Europe, April 2021",
            "tags": ["mobility", "waste management", "public-private partnership"],
            "sections": [
                (
                    "initial_situation",
                    "Like many mid-sized cities, Kruševac has to modernise several public services at once, from public transport to waste collection, with limited budgets. Planning each service separately wastes opportunities to share vehicles, depots and data.",
                ),
                (
                    "learning_experience",
                    "In the South-East Europe core group on sustainable mobility in April 2021, Kruševac discussed its plans with peers from the region. A virtual expert talk on 25 May followed, on public-private partnership and on preparing a pre-implementation study.",
                ),
                (
                    "project_ideas",
                    "The city wants to connect mobility, waste management and other public services in one integrated project and to examine whether a partnership with private companies could finance and operate parts of it.",
                ),
                (
                    "results",
                    "Kruševac has clarified what a pre-implementation study must cover and which questions a public-private partnership raises.",
                ),
            ],
        },
        de={
            "title": "Integriertes Projekt für Mobilität, Abfall und öffentliche Dienste in Kruševac",
            "teaser": "Kruševac will Mobilität, Abfallwirtschaft und weitere öffentliche Dienste in einem Projekt verbinden – und holte sich Rat zu öffentlich-privater Partnerschaft und einer Vorstudie.",
            "origin": "Kerngruppe zu nachhaltiger Mobilität in Südosteuropa, April 2021",
            "tags": [
                "mobilität",
                "abfallwirtschaft",
                "öffentlich-private partnerschaft",
            ],
            "sections": [
                (
                    "initial_situation",
                    "Wie viele Mittelstädte muss Kruševac mehrere öffentliche Dienste zugleich modernisieren, vom Nahverkehr bis zur Abfallsammlung, und das mit knappen Mitteln. Wer jeden Dienst für sich plant, verschenkt Chancen, Fahrzeuge, Betriebshöfe und Daten gemeinsam zu nutzen.",
                ),
                (
                    "learning_experience",
                    "In der südosteuropäischen Kerngruppe zu nachhaltiger Mobilität besprach Kruševac im April 2021 seine Pläne mit Kolleginnen und Kollegen aus der Region. Am 25. Mai folgte ein virtuelles Fachgespräch zu öffentlich-privater Partnerschaft und zur Vorbereitung einer Vorstudie.",
                ),
                (
                    "project_ideas",
                    "Die Stadt will Mobilität, Abfallwirtschaft und weitere öffentliche Dienste in einem integrierten Projekt verbinden und prüfen, ob eine Partnerschaft mit privaten Unternehmen Teile davon finanzieren und betreiben könnte.",
                ),
                (
                    "results",
                    "Kruševac weiß nun, was eine Vorstudie abdecken muss und welche Fragen eine öffentlich-private Partnerschaft aufwirft.",
                ),
            ],
        },
    ),
    Project(
        slug="led-project-ideas-for-lebanese-host-communities",
        cities=[
            ("rachiine", REQUESTING),
            ("el-qrayeh", REQUESTING),
            ("chouf-souijen", REQUESTING),
        ],
        stage=Stage.CONCEPT,
        cluster=LED,
        sdgs=[8, 10, 11],
        milestones=[
            (
                date(2018, 4, 26),
                EVENT,
                "Practitioners' workshop 'Strengthening Local Economic Development in Lebanon' in Beirut",
                "Praxisworkshop „Lokale Wirtschaftsentwicklung im Libanon stärken“ in Beirut",
            ),
            (
                date(2018, 9, 25),
                STUDY_TOUR,
                "Study tour and project workshop in Hamm",
                "Studienreise und Projektwerkstatt in Hamm",
            ),
        ],
        en={
            "title": "LED project ideas for Lebanese host communities",
            "teaser": "Lebanese municipalities hosting many refugees developed ten project ideas for local jobs and income – among them ecotourism in Rachiine and a vocational centre in El-Qrayeh.",
            "origin": "Practitioners' workshop 'Strengthening Local Economic Development in Lebanon – from Strategy to Action', Beirut, 26–28 April 2018",
            "tags": [
                "local economic development",
                "host communities",
                "ecotourism",
                "vocational training",
            ],
            "figures": [("10", "project ideas")],
            "sections": [
                (
                    "initial_situation",
                    "Many Lebanese municipalities host large numbers of refugees, which puts pressure on local services and on a labour market that was already weak. Municipalities such as Rachiine, El-Qrayeh and the Union of Municipalities of Chouf-Souijen looked for ways to create jobs and income for residents and newcomers alike.",
                ),
                (
                    "learning_experience",
                    "At the practitioners' workshop 'Strengthening Local Economic Development in Lebanon' in Beirut in April 2018, the municipalities turned strategies into concrete ideas. From 25 September 2018 a study tour and project workshop in Hamm showed how a German city promotes its local economy.",
                ),
                (
                    "project_ideas",
                    "Ten project ideas came out of the process, among them ecotourism in Rachiine and a vocational training centre in El-Qrayeh.",
                ),
                ("figures", ""),
                (
                    "results",
                    "The municipalities have worked-out project ideas that they can present to partners and funders.",
                ),
            ],
        },
        de={
            "title": "Projektideen zur lokalen Wirtschaftsentwicklung für libanesische Aufnahmegemeinden",
            "teaser": "Libanesische Gemeinden, die viele Geflüchtete aufgenommen haben, entwickelten zehn Projektideen für Arbeit und Einkommen vor Ort – darunter Ökotourismus in Rachiine und ein Berufsbildungszentrum in El-Qrayeh.",
            "origin": "Praxisworkshop „Lokale Wirtschaftsentwicklung im Libanon stärken – von der Strategie zur Umsetzung“, Beirut, 26.–28. April 2018",
            "tags": [
                "lokale wirtschaftsentwicklung",
                "aufnahmegemeinden",
                "ökotourismus",
                "berufsbildung",
            ],
            "figures": [("10", "Projektideen")],
            "sections": [
                (
                    "initial_situation",
                    "Viele libanesische Gemeinden haben sehr viele Geflüchtete aufgenommen. Das belastet die kommunalen Dienste und einen ohnehin schwachen Arbeitsmarkt. Gemeinden wie Rachiine, El-Qrayeh und der Gemeindeverband Chouf-Souijen suchten nach Wegen, Arbeit und Einkommen für Einheimische wie Neuankommende zu schaffen.",
                ),
                (
                    "learning_experience",
                    "Beim Praxisworkshop „Lokale Wirtschaftsentwicklung im Libanon stärken“ in Beirut im April 2018 machten die Gemeinden aus Strategien konkrete Ideen. Ab dem 25. September 2018 zeigten eine Studienreise und eine Projektwerkstatt in Hamm, wie eine deutsche Stadt ihre lokale Wirtschaft fördert.",
                ),
                (
                    "project_ideas",
                    "Aus dem Prozess gingen zehn Projektideen hervor, darunter Ökotourismus in Rachiine und ein Berufsbildungszentrum in El-Qrayeh.",
                ),
                ("figures", ""),
                (
                    "results",
                    "Die Gemeinden haben ausgearbeitete Projektideen, die sie Partnern und Geldgebern vorstellen können.",
                ),
            ],
        },
    ),
]


# The event each project came from, where the facts name one of the demo events
# (``events.demo``): project slug → event slug.
ORIGINATING_EVENTS = {
    "sustainable-land-use-plan-for-undeveloped-land": "regional-and-intermunicipal-land-management-virtual",
    "safe-colourful-liveable-streets-belo-horizonte": "sustainable-urban-mobility-bremen",
    "municipal-and-citizen-engagement-for-the-sdgs-manizales": "local-sdg-implementation-reporting-and-monitoring-virtual",
    "turning-waste-into-a-resource-bizerte": "planning-integrated-solid-waste-management-rostock",
    "dresden-and-brazzaville-embrace-urban-gardening": "urban-gardening-virtual-berlin",
    "protecting-viticulture-and-tourism-from-climate-change": "climate-impacts-viticulture-and-tourism-eltville-tunuyan",
    "communication-for-local-vaccination-campaigns": "covid-19-local-vaccination-strategies-and-communication",
    "climate-adapted-urban-development-kumasi-dortmund": "climate-proofing-urban-development-dortmund",
    "community-based-solid-waste-management-langata-nairobi": "community-based-solid-waste-management-nairobi",
    "digitalisation-of-the-administration-of-nablus": "strategies-for-a-digital-city-nuremberg",
    "trialogue-for-social-entrepreneurship": "social-entrepreneurship-enriches-municipalities-virtual",
    "cycling-promotion-in-skopje": "sustainable-urban-mobility-and-climate-change-see",
    "led-project-ideas-for-lebanese-host-communities": "strengthening-local-economic-development-in-lebanon-beirut",
}


def link_originating_events(log) -> None:
    """Point each project at the event it came from (events seed before projects)."""
    linked = link_to_events(
        SupportedProjectPage, ORIGINATING_EVENTS, "originating_event"
    )
    if linked:
        log(f"{linked} project pages linked to their originating events")


def place_after(page, sibling):
    """Put ``page`` right after ``sibling`` in the tree (and the main menu); returns
    it fresh from the database."""
    previous = page.get_prev_sibling()
    if previous is None or previous.pk != sibling.pk:
        page.move(sibling, pos="right")
    return type(page).objects.get(pk=page.pk)


def seed_index(home: HomePage, practice_indexes, log):
    """The project index and its German translation, each right after the good
    practice index of its language."""
    locale_map = locales()
    practice_index, practice_index_de = practice_indexes
    index = ProjectIndexPage.objects.filter(
        slug=INDEX_SLUG, locale=locale_map["en"]
    ).first()
    if index is None:
        title, intro = INDEX["en"]
        index = ProjectIndexPage(
            title=title, slug=INDEX_SLUG, intro=intro, show_in_menus=True
        )
        home.add_child(instance=index)
        publish(index)
        log("project index created")
    index = place_after(index, practice_index)
    translated = index.get_translation_or_none(locale_map["de"])
    if translated is None:
        translated = index.copy_for_translation(locale_map["de"])
        translated.title, translated.intro = INDEX["de"]
        publish(translated)
        log("German project index created")
    return index, place_after(translated, practice_index_de)


def referenced_organisation_slugs() -> set[str]:
    return {slug for project in PROJECTS for slug, _role in project.cities}


def _milestones(project: Project, language: str) -> list[ProjectMilestone]:
    return [
        ProjectMilestone(
            date=when, kind=kind, title=title_en if language == "en" else title_de
        )
        for when, kind, title_en, title_de in project.milestones
    ]


def seed_projects(index, log) -> None:
    """Every demo project under ``index`` and its German translation, published.

    A German project lists the German translations of its related practices."""
    locale_map = locales()
    english, german = locale_map["en"], locale_map["de"]
    clusters = {row.slug: row for row in Cluster.objects.filter(locale=english)}
    fields = {row.slug: row for row in FieldOfAction.objects.filter(locale=english)}
    sdgs = {row.number: row for row in SDG.objects.filter(locale=english)}
    organisations = Organisation.objects.in_bulk(
        referenced_organisation_slugs(), field_name="slug"
    )
    missing = referenced_organisation_slugs() - set(organisations)
    if missing:
        log(f"organisations not found, not linked: {', '.join(sorted(missing))}")
    practices = {
        page.slug: page for page in GoodPracticePage.objects.filter(locale=english)
    }
    created = 0
    for project in PROJECTS:
        related = [
            practices[slug] for slug in project.related_practices if slug in practices
        ]
        page = SupportedProjectPage.objects.filter(
            slug=project.slug, locale=english
        ).first()
        if page is None:
            texts = project.en
            page = SupportedProjectPage(
                title=texts["title"],
                slug=project.slug,
                teaser=texts["teaser"],
                cluster=clusters[project.cluster],
                field_of_action=fields.get(project.field_of_action),
                stage=project.stage,
                origin_note=texts["origin"],
                body=story(texts, "en", SECTIONS),
            )
            page.city_roles = [
                ProjectCity(organisation=organisations[slug], role=role)
                for slug, role in project.cities
                if slug in organisations
            ]
            page.milestones = _milestones(project, "en")
            page.sdgs.set([sdgs[number] for number in project.sdgs])
            page.related_practices.set(related)
            page.tags.set(texts["tags"])
            index.add_child(instance=page)
            publish(page)
            created += 1
        if page.get_translation_or_none(german) is None:
            texts = project.de
            translated = page.copy_for_translation(german)
            translated.title = texts["title"]
            translated.teaser = texts["teaser"]
            translated.origin_note = texts["origin"]
            translated.body = story(texts, "de", SECTIONS)
            translated.milestones = _milestones(project, "de")
            translated.related_practices.set(
                [
                    practice.get_translation_or_none(german) or practice
                    for practice in related
                ]
            )
            translated.tags.set(texts["tags"])
            publish(translated)
    if created:
        log(f"{created} supported projects created")
    log(f"{SupportedProjectPage.objects.live().count()} live project pages")


def seed(log) -> None:
    home = HomePage.objects.filter(locale=locales()["en"]).first()
    if home is None:
        log("no home page yet: projects skipped")
        return
    # The practices index exists already (practices seeds first); this only finds it.
    practice_indexes = seed_practice_index(home, log)
    indexes = seed_index(home, practice_indexes, log)
    seed_projects(indexes[0], log)
    link_originating_events(log)
    # The review workflow and the editors' rights cover both parts of the knowledge
    # base in both languages; it lives in practices, which may not import projects.
    knowledge_base_workflow_ensure(index_pages=[*practice_indexes, *indexes])
    log("knowledge base review workflow ready")
