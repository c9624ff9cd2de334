"""Demo content of the practices app: the knowledge base index and twenty good
practices, each in English and German.

Texts are short summaries written for the demo from the facts in
shared/demo_facts.yaml; figures appear only where the facts give them. Practices point
at member organisations by slug (made by ``community.demo``) and at the English rows
of the taxonomy, as editors' pages do. Running it again changes nothing: pages are
found by slug and locale and left as they are once they exist.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from community.models import Organisation, Region
from core.demo import locales
from core.models import SDG, Cluster, FieldOfAction, HomePage

from .models import GoodPracticeIndexPage, GoodPracticePage, PracticeStatus, Scale

INDEX_SLUG = "good-practices"
INDEX = {
    "en": (
        "Good practices",
        "What cities did about a problem, told so that others can learn from it. "
        "Filter by theme, region or city, or search the whole knowledge base.",
    ),
    "de": (
        "Gute Praxis",
        "Was Städte gegen ein Problem unternommen haben, so erzählt, dass andere "
        "daraus lernen können. Filtern Sie nach Thema, Region oder Stadt, oder "
        "durchsuchen Sie die ganze Wissensdatenbank.",
    ),
}
FIGURES_HEADING = {"en": "Key figures", "de": "Zahlen und Fakten"}

# Taxonomy slugs (made by core.demo and community.demo).
GUG = "good-urban-governance"
LED = "local-economic-development"
IUD = "integrated-urban-development"
MS = "municipal-services"
SSA = "sub-saharan-africa"
MENA = "middle-east-north-africa"
SEE = "south-east-europe-caucasus"
ASIA = "asia"
LATAM = "latin-america"
GERMANY = "germany"
INTL = "international"

PLANNED = PracticeStatus.PLANNED
ONGOING = PracticeStatus.ONGOING
COMPLETED = PracticeStatus.COMPLETED


@dataclass
class Practice:
    """One demo practice: facts shared by both languages, texts per language.

    A text is a dict with ``title``, ``teaser``, ``tags``, optional ``main_actors``
    and ``figures`` ((value, label) pairs), and ``sections``: (block type, text)
    pairs in reading order, where ("figures", "") places the key figures.
    """

    slug: str
    cluster: str
    region: str
    country: str
    en: dict
    de: dict
    cities: list[str] = field(default_factory=list)
    field_of_action: str = ""
    sdgs: list[int] = field(default_factory=list)
    status: str = ONGOING
    scale: str = Scale.CITY
    start_year: int | None = None
    end_year: int | None = None
    originally_published_by: str = ""


PRACTICES = [
    Practice(
        slug="loerrach-timber-built-commercial-area",
        cities=["loerrach"],
        country="DE",
        region=GERMANY,
        cluster=IUD,
        field_of_action="urban-renewal",
        sdgs=[9, 11, 12, 13],
        start_year=2020,
        scale=Scale.NEIGHBOURHOOD,
        en={
            "title": "Lörrach plans Germany's first timber-built commercial area",
            "teaser": "On the site of a former textile factory, the town of Lörrach is developing a climate-neutral commercial area built in timber – the first of its kind in Germany.",
            "tags": [
                "timber construction",
                "brownfield",
                "climate neutrality",
                "commercial area",
            ],
            "main_actors": "Town of Lörrach; urban development funding from the federal government and the state of Baden-Württemberg.",
            "figures": [
                ("8.5 ha", "former Lauffenmühle textile site"),
                ("EUR 9.1m", "urban development grants for the purchase"),
            ],
            "sections": [
                (
                    "overview",
                    "Lörrach, on the Swiss border close to the Black Forest, is turning the former Lauffenmühle textile site into a commercial area built largely in timber. Wood is plentiful in the region, and the town wants to show that climate-neutral construction works for business premises, not only for housing. Parts of the historic factory halls with their natural-stone façades are to be kept and given new uses.",
                ),
                ("figures", ""),
                (
                    "background",
                    "In 2020 the town bought the 8.5-hectare site after the textile company had closed. Urban development grants of about EUR 9.1 million from the federal government and the state of Baden-Württemberg made the purchase possible. Talks with climate researchers led to the idea of making the site a showcase for climate-neutral building.",
                ),
                (
                    "objectives",
                    "The town wants a commercial area that is climate-neutral in construction and operation and attracts companies for whom sustainability is part of their business. Building in timber makes this goal visible to everyone. Reusing the existing halls keeps a piece of the town's industrial history.",
                ),
                (
                    "approach",
                    "The town secured the land through an active land policy and is preparing the site step by step: planning, studies of the existing buildings and of nature on the site, and the conditions under which timber commercial buildings can be built economically. Germany has individual commercial buildings in timber, but so far no whole commercial area built this way.",
                ),
                (
                    "lessons",
                    "A town that owns the land can set ambitious standards for what is built on it. Urban development grants can make such a purchase affordable for a medium-sized town.",
                ),
                (
                    "transferability",
                    "Many towns have former industrial sites and forests nearby. The approach suits places where the municipality can acquire the land and where regional timber and craft businesses can carry the construction.",
                ),
            ],
        },
        de={
            "title": "Lörrach plant Deutschlands erstes Gewerbegebiet in Holzbauweise",
            "teaser": "Auf dem Gelände einer früheren Textilfabrik entwickelt die Stadt Lörrach ein klimaneutrales Gewerbegebiet aus Holz – das erste dieser Art in Deutschland.",
            "tags": ["holzbau", "brachfläche", "klimaneutralität", "gewerbegebiet"],
            "main_actors": "Stadt Lörrach; Städtebauförderung von Bund und Land Baden-Württemberg.",
            "figures": [
                ("8,5 ha", "ehemaliges Textilareal Lauffenmühle"),
                ("9,1 Mio. EUR", "Städtebaufördermittel für den Ankauf"),
            ],
            "sections": [
                (
                    "overview",
                    "Lörrach an der Schweizer Grenze, nahe dem Schwarzwald, verwandelt das frühere Textilareal Lauffenmühle in ein Gewerbegebiet, das weitgehend aus Holz gebaut wird. Holz gibt es in der Region reichlich, und die Stadt will zeigen, dass klimaneutrales Bauen nicht nur im Wohnungsbau, sondern auch für Gewerbe funktioniert. Teile der historischen Fabrikhallen mit ihren Natursteinfassaden sollen erhalten bleiben und neu genutzt werden.",
                ),
                ("figures", ""),
                (
                    "background",
                    "2020 kaufte die Stadt das 8,5 Hektar große Gelände, nachdem das Textilunternehmen geschlossen hatte. Städtebaufördermittel von rund 9,1 Millionen Euro von Bund und Land Baden-Württemberg machten den Kauf möglich. Gespräche mit der Klimaforschung brachten die Idee, das Areal zu einem Schaufenster für klimaneutrales Bauen zu machen.",
                ),
                (
                    "objectives",
                    "Die Stadt will ein Gewerbegebiet, das in Bau und Betrieb klimaneutral ist und Unternehmen anzieht, für die Nachhaltigkeit zum Geschäft gehört. Der Holzbau macht dieses Ziel für alle sichtbar. Die Weiternutzung der vorhandenen Hallen bewahrt ein Stück Industriegeschichte der Stadt.",
                ),
                (
                    "approach",
                    "Die Stadt hat sich die Fläche mit aktiver Bodenpolitik gesichert und bereitet sie Schritt für Schritt vor: Planung, Untersuchungen der Bestandsgebäude und der Natur auf dem Gelände sowie die Bedingungen, unter denen Gewerbebauten aus Holz wirtschaftlich entstehen können. In Deutschland gibt es einzelne Gewerbebauten aus Holz, aber bisher kein ganzes Gewerbegebiet in dieser Bauweise.",
                ),
                (
                    "lessons",
                    "Eine Stadt, der die Fläche gehört, kann hohe Anforderungen an das stellen, was dort gebaut wird. Städtebaufördermittel können einen solchen Ankauf auch für eine Mittelstadt bezahlbar machen.",
                ),
                (
                    "transferability",
                    "Viele Städte haben frühere Industrieflächen und Wälder in der Nähe. Der Ansatz passt dort, wo die Kommune die Fläche erwerben kann und regionale Holz- und Handwerksbetriebe den Bau tragen können.",
                ),
            ],
        },
    ),
    Practice(
        slug="right-of-way-for-green-commuters-belo-horizonte",
        cities=["belo-horizonte"],
        country="BR",
        region=LATAM,
        cluster=MS,
        sdgs=[3, 11, 13],
        start_year=2013,
        en={
            "title": "Right of Way for Green Commuters in Belo Horizonte",
            "teaser": "Belo Horizonte's Sustainable Urban Mobility Plan gives walking and cycling more room in a hilly, car-dominated city – with 30 km/h zones developed together with Bremen.",
            "tags": ["mobility", "cycling", "walking", "traffic calming"],
            "main_actors": "City of Belo Horizonte; City of Bremen (exchange on 30 km/h zones).",
            "sections": [
                (
                    "overview",
                    "Reducing car traffic is an uphill task, and in hilly Belo Horizonte that is meant literally. With its Sustainable Urban Mobility Plan, PlanMob-BH, the city has nevertheless made walking and cycling more attractive. It did so through careful, participatory implementation rather than one big project.",
                ),
                (
                    "background",
                    "Belo Horizonte is the centre of one of Brazil's largest metropolitan areas. Growing incomes brought more cars and motorcycles and a rising share of private motorised transport. PlanMob-BH, adopted in 2013 as one of the first plans of its kind in Brazil, set out to reverse the trend; it was reviewed in 2016 in the light of new findings on how people choose to travel.",
                ),
                (
                    "objectives",
                    "The plan promotes active mobility through the programmes 'BH a pé' (walking) and 'Pedala BH' (cycling), serving climate protection and public health alike. Conditions for people on foot and on bicycles are to become more inviting, and lower speeds in residential streets are a key lever.",
                ),
                (
                    "approach",
                    "The city studied the perceptions and expectations that shape people's daily travel choices and found that cycling needs more than bike lanes. It introduced 30 km/h zones and changed the design of streets so that the lower speed is respected. The zones were worked out in an exchange of expertise with the German city of Bremen.",
                ),
                (
                    "results",
                    "Walking and cycling have gained a foothold in a city long dominated by cars. The work on 30 km/h zones with Bremen became a supported project in which the first two zones were implemented in 2019.",
                ),
                (
                    "lessons",
                    "Changing travel habits needs an understanding of how people perceive traffic, safety and comfort. Street design has to support a speed limit; signs alone change little.",
                ),
                (
                    "transferability",
                    "The approach suits fast-growing cities with rising car ownership. A mobility plan that is reviewed regularly and tested in pilot zones lets a city learn before it scales up.",
                ),
            ],
        },
        de={
            "title": "Vorfahrt für umweltfreundliche Pendler in Belo Horizonte",
            "teaser": "Belo Horizontes Plan für nachhaltige Mobilität gibt dem Fuß- und Radverkehr mehr Raum in einer hügeligen, vom Auto geprägten Stadt – mit Tempo-30-Zonen, die gemeinsam mit Bremen entwickelt wurden.",
            "tags": ["mobilität", "radverkehr", "fußverkehr", "verkehrsberuhigung"],
            "main_actors": "Stadt Belo Horizonte; Stadt Bremen (Austausch zu Tempo-30-Zonen).",
            "sections": [
                (
                    "overview",
                    "Autoverkehr zu verringern ist mühsam – im hügeligen Belo Horizonte geht es dabei buchstäblich bergauf. Mit ihrem Plan für nachhaltige urbane Mobilität, PlanMob-BH, hat die Stadt das Gehen und Radfahren dennoch attraktiver gemacht. Sie setzte dabei auf eine sorgfältige, beteiligungsorientierte Umsetzung statt auf ein einziges Großprojekt.",
                ),
                (
                    "background",
                    "Belo Horizonte ist Zentrum einer der größten Metropolregionen Brasiliens. Steigende Einkommen brachten mehr Autos und Motorräder und einen wachsenden Anteil des motorisierten Individualverkehrs. PlanMob-BH, 2013 als einer der ersten Pläne dieser Art in Brasilien beschlossen, soll diesen Trend umkehren; 2016 wurde er anhand neuer Erkenntnisse über das Mobilitätsverhalten überarbeitet.",
                ),
                (
                    "objectives",
                    "Der Plan fördert aktive Mobilität mit den Programmen „BH a pé“ (zu Fuß) und „Pedala BH“ (Rad fahren) und dient so dem Klimaschutz wie der Gesundheit. Die Bedingungen für Menschen zu Fuß und auf dem Rad sollen einladender werden; niedrigere Geschwindigkeiten in Wohnstraßen sind dabei ein wichtiger Hebel.",
                ),
                (
                    "approach",
                    "Die Stadt untersuchte, welche Wahrnehmungen und Erwartungen die tägliche Verkehrsmittelwahl prägen, und stellte fest, dass Radverkehr mehr braucht als Radwege. Sie führte Tempo-30-Zonen ein und gestaltete Straßen so um, dass die niedrigere Geschwindigkeit eingehalten wird. Die Zonen wurden im fachlichen Austausch mit der Stadt Bremen ausgearbeitet.",
                ),
                (
                    "results",
                    "Gehen und Radfahren haben in einer lange vom Auto dominierten Stadt Fuß gefasst. Aus der Arbeit an Tempo-30-Zonen mit Bremen wurde ein gefördertes Projekt, in dem 2019 die ersten beiden Zonen umgesetzt wurden.",
                ),
                (
                    "lessons",
                    "Wer Mobilitätsgewohnheiten ändern will, muss verstehen, wie Menschen Verkehr, Sicherheit und Komfort wahrnehmen. Die Straßengestaltung muss ein Tempolimit unterstützen; Schilder allein bewirken wenig.",
                ),
                (
                    "transferability",
                    "Der Ansatz passt für schnell wachsende Städte mit steigendem Autobesitz. Ein regelmäßig überprüfter Mobilitätsplan und Pilotzonen lassen eine Stadt lernen, bevor sie Maßnahmen ausweitet.",
                ),
            ],
        },
    ),
    Practice(
        slug="safetipin-mapping-tool-bogota",
        cities=["bogota"],
        country="CO",
        region=LATAM,
        cluster=GUG,
        field_of_action="smart-cities-digitalisation",
        sdgs=[5, 11, 16],
        start_year=2013,
        en={
            "title": "SafetiPin Mapping Tool in Bogotá",
            "teaser": "Bogotá adapted a smartphone tool from New Delhi to map what makes public spaces feel unsafe for women at night – and uses the data to plan safer streets.",
            "tags": ["urban safety", "gender equality", "public space", "data"],
            "main_actors": "Bogotá's Observatory of Women and Gender Equality; SafetiPin (New Delhi).",
            "sections": [
                (
                    "overview",
                    "SafetiPin is a smartphone application that records on a map the factors that make public spaces feel safe or unsafe for women, such as lighting, visibility and the presence of other people. Bogotá adapted the method, developed in New Delhi, to its own context. The results help the city decide where improvements are needed most.",
                ),
                (
                    "background",
                    "Bogotá's Observatory of Women and Gender Equality gathers knowledge about women's situation in the city in order to remove the barriers that keep them from using public space freely, including at night. At an international seminar on safe cities held in Bogotá in 2013, the city learnt about the tool.",
                ),
                (
                    "objectives",
                    "The city wanted reliable, location-based evidence on women's safety in public space. The data should guide investment in lighting, access to public transport and the design of streets and squares, as part of the wider aim of a city where women can move without fear.",
                ),
                (
                    "approach",
                    "The method was transferred from India and adapted to Colombian conditions. Phones mounted in vehicles collected images across the city, which were assessed against safety criteria such as lighting, openness, visibility, the people present, security, the state of the walkway and the distance to public transport.",
                ),
                (
                    "results",
                    "The survey produced a map of safety conditions for women across large parts of the city. It gives the administration a shared basis for setting priorities in lighting, public space and transport.",
                ),
                (
                    "transferability",
                    "The tool has been used in cities on several continents. It works best where a public body takes ownership of the data and commits to acting on it.",
                ),
            ],
        },
        de={
            "title": "SafetiPin-Kartierung in Bogotá",
            "teaser": "Bogotá hat ein Smartphone-Werkzeug aus Neu-Delhi angepasst, um zu kartieren, was öffentliche Räume nachts für Frauen unsicher macht – und plant mit den Daten sicherere Straßen.",
            "tags": [
                "urbane sicherheit",
                "gleichstellung",
                "öffentlicher raum",
                "daten",
            ],
            "main_actors": "Observatorium für Frauen und Gleichstellung der Stadt Bogotá; SafetiPin (Neu-Delhi).",
            "sections": [
                (
                    "overview",
                    "SafetiPin ist eine Smartphone-Anwendung, die auf einer Karte festhält, was öffentliche Räume für Frauen sicher oder unsicher wirken lässt, etwa Beleuchtung, Sichtbarkeit und die Anwesenheit anderer Menschen. Bogotá hat die in Neu-Delhi entwickelte Methode an die eigenen Verhältnisse angepasst. Die Ergebnisse helfen der Stadt zu entscheiden, wo Verbesserungen am dringendsten sind.",
                ),
                (
                    "background",
                    "Bogotás Observatorium für Frauen und Gleichstellung sammelt Wissen über die Lage von Frauen in der Stadt, um Hindernisse abzubauen, die sie daran hindern, den öffentlichen Raum frei zu nutzen – auch nachts. Auf einem internationalen Seminar über sichere Städte, das 2013 in Bogotá stattfand, lernte die Stadt das Werkzeug kennen.",
                ),
                (
                    "objectives",
                    "Die Stadt wollte verlässliche, ortsbezogene Daten zur Sicherheit von Frauen im öffentlichen Raum. Sie sollen Investitionen in Beleuchtung, den Zugang zum öffentlichen Verkehr und die Gestaltung von Straßen und Plätzen lenken – als Teil des Ziels einer Stadt, in der Frauen sich ohne Angst bewegen können.",
                ),
                (
                    "approach",
                    "Die Methode wurde aus Indien übertragen und an kolumbianische Bedingungen angepasst. In Fahrzeugen montierte Telefone nahmen in der ganzen Stadt Bilder auf, die nach Sicherheitskriterien bewertet wurden, etwa Beleuchtung, Offenheit, Sichtbarkeit, anwesende Menschen, Sicherheitspersonal, Zustand der Gehwege und Entfernung zum öffentlichen Verkehr.",
                ),
                (
                    "results",
                    "Die Erhebung ergab eine Karte der Sicherheitsbedingungen für Frauen in weiten Teilen der Stadt. Sie gibt der Verwaltung eine gemeinsame Grundlage, um Prioritäten bei Beleuchtung, öffentlichem Raum und Verkehr zu setzen.",
                ),
                (
                    "transferability",
                    "Das Werkzeug wird inzwischen in Städten auf mehreren Kontinenten genutzt. Es wirkt am besten, wenn eine Behörde die Daten übernimmt und sich verpflichtet, danach zu handeln.",
                ),
            ],
        },
    ),
    Practice(
        slug="cycling-canal-community-bangkok-bangmod",
        cities=["bangkok"],
        country="TH",
        region=ASIA,
        cluster=MS,
        sdgs=[3, 11],
        scale=Scale.NEIGHBOURHOOD,
        en={
            "title": "Cycling Canal and Community Project in Bangkok – Bangmod Case",
            "teaser": "In Bangkok's Bangmod area, residents, volunteers and planners combine cycling, canals and community life – the '3C' concept – to connect neighbourhoods to public transport.",
            "tags": ["cycling", "canals", "community", "mobility"],
            "main_actors": "Communities along the Bangmod canals, volunteers and university planners.",
            "sections": [
                (
                    "overview",
                    "The Bangmod project in Bangkok links three ideas, known as the '3C' concept: cycling, canal and community. Paths along the canals offer residents a quiet route away from car traffic, and the project strengthens the communities living by the water. It shows how a neighbourhood can rediscover an old transport network.",
                ),
                (
                    "background",
                    "Bangkok was once criss-crossed by canals that served as its main transport routes. As roads multiplied, many canals lost this role and were neglected, while traffic on the main roads grew. In the semi-rural Bangmod area, communities along the canals had poor connections to the city's rail network.",
                ),
                (
                    "objectives",
                    "The project aims at a safe route for cycling and walking along the canals that connects local communities with mass transit. It also wants to revive the canals as shared public space and to strengthen local identity and the local economy.",
                ),
                (
                    "approach",
                    "Residents, volunteers and planners from a university worked out the route together, drawing on local knowledge of the paths along the water. Communities along the canal take part in planning and in activities that bring people to the route.",
                ),
                (
                    "lessons",
                    "Projects that start from what communities already value – their canals, their paths, their neighbours – find support more easily than plans made from above. Cycling routes are most useful when they lead to public transport.",
                ),
                (
                    "transferability",
                    "Many cities have rivers, canals or drainage channels whose banks could carry walking and cycling routes. The 3C idea can be adapted wherever water, mobility and community life meet.",
                ),
            ],
        },
        de={
            "title": "Radweg, Kanal und Gemeinschaft in Bangkok – das Beispiel Bangmod",
            "teaser": "Im Bangkoker Stadtteil Bangmod verbinden Anwohnende, Freiwillige und Planende Radfahren, Kanäle und Nachbarschaft – das „3C“-Konzept –, um Quartiere an den öffentlichen Verkehr anzuschließen.",
            "tags": ["radverkehr", "kanäle", "gemeinschaft", "mobilität"],
            "main_actors": "Gemeinschaften an den Kanälen von Bangmod, Freiwillige und Planende einer Universität.",
            "sections": [
                (
                    "overview",
                    "Das Projekt Bangmod in Bangkok verbindet drei Ideen, das „3C“-Konzept: Cycling, Canal, Community – Radfahren, Kanal, Gemeinschaft. Wege entlang der Kanäle bieten den Anwohnenden eine ruhige Strecke abseits des Autoverkehrs, und das Projekt stärkt die Gemeinschaften am Wasser. Es zeigt, wie ein Quartier ein altes Verkehrsnetz wiederentdecken kann.",
                ),
                (
                    "background",
                    "Bangkok war einst von Kanälen durchzogen, die als wichtigste Verkehrswege dienten. Mit dem Straßenbau verloren viele Kanäle diese Rolle und verfielen, während der Verkehr auf den Hauptstraßen zunahm. Im halbländlichen Bangmod waren die Gemeinschaften an den Kanälen schlecht an das Schienennetz der Stadt angebunden.",
                ),
                (
                    "objectives",
                    "Ziel ist eine sichere Rad- und Fußwegverbindung entlang der Kanäle, die die Gemeinschaften vor Ort mit dem Nahverkehr verbindet. Zugleich sollen die Kanäle als gemeinsamer öffentlicher Raum wiederbelebt und die lokale Identität und Wirtschaft gestärkt werden.",
                ),
                (
                    "approach",
                    "Anwohnende, Freiwillige und Planende einer Universität haben die Route gemeinsam erarbeitet und dabei das Ortswissen über die Wege am Wasser genutzt. Die Gemeinschaften am Kanal wirken an der Planung mit und gestalten Aktivitäten, die Menschen auf die Strecke bringen.",
                ),
                (
                    "lessons",
                    "Projekte, die an dem ansetzen, was Gemeinschaften schon schätzen – ihre Kanäle, ihre Wege, ihre Nachbarschaft –, finden leichter Unterstützung als Pläne von oben. Radwege sind am nützlichsten, wenn sie zum öffentlichen Verkehr führen.",
                ),
                (
                    "transferability",
                    "Viele Städte haben Flüsse, Kanäle oder Entwässerungsgräben, an deren Ufern Fuß- und Radwege entstehen könnten. Die 3C-Idee lässt sich überall anpassen, wo Wasser, Mobilität und Nachbarschaft zusammenkommen.",
                ),
            ],
        },
    ),
    Practice(
        slug="green-loop-metro-cebu",
        cities=["cebu-city"],
        country="PH",
        region=ASIA,
        cluster=IUD,
        field_of_action="public-space",
        sdgs=[11, 13, 15],
        status=PLANNED,
        scale=Scale.METROPOLITAN,
        en={
            "title": "The Green Loop of Metro Cebu",
            "teaser": "A green, pedestrian-friendly corridor through the centre of Cebu is part of a metropolitan land-use strategy to curb urban sprawl and make the city more liveable.",
            "tags": [
                "green infrastructure",
                "public space",
                "walkability",
                "urban sprawl",
            ],
            "sections": [
                (
                    "overview",
                    "Cebu is one of the most urbanised areas of the Philippines, and rapid growth has brought congestion, pollution, flooding and, above all, urban sprawl. The Green Loop is a transit-oriented green corridor through the urban centre in which people on foot come first. Together with dispersed growth centres and a green belt it forms a metropolitan land-use strategy against sprawl.",
                ),
                (
                    "background",
                    "Metro Cebu's problems cross municipal boundaries, so planners have called for metropolitan-wide planning instead of piecemeal solutions. Recent disasters in the Visayas region have also made resilience a pressing concern.",
                ),
                (
                    "objectives",
                    "The Green Loop should give the dense centre green lungs and breathing space, allow controlled densification along the corridor and strengthen social ties among residents. A sense of place and civic pride are part of the aim.",
                ),
                (
                    "approach",
                    "The concept ties public transport, walking routes and green space together in one loop through the centre. It depends on cooperation between the local government units, the private sector and communities; temporary road-sharing days have let residents try the idea out on the street.",
                ),
                (
                    "transferability",
                    "Metropolitan regions facing sprawl can use a green corridor as a structuring element that links mobility, green space and densification. This requires coordination among the municipalities of the metropolitan area.",
                ),
            ],
        },
        de={
            "title": "Der Green Loop von Metro Cebu",
            "teaser": "Ein grüner, fußgängerfreundlicher Korridor durch das Zentrum von Cebu ist Teil einer regionalen Flächenstrategie gegen die Zersiedelung und für eine lebenswertere Stadt.",
            "tags": [
                "grüne infrastruktur",
                "öffentlicher raum",
                "fußverkehr",
                "zersiedelung",
            ],
            "sections": [
                (
                    "overview",
                    "Cebu gehört zu den am stärksten verstädterten Gebieten der Philippinen; das schnelle Wachstum brachte Staus, Luftverschmutzung, Überschwemmungen und vor allem Zersiedelung. Der Green Loop ist ein am Nahverkehr orientierter grüner Korridor durch die Innenstadt, in dem der Fußverkehr Vorrang hat. Zusammen mit dezentralen Wachstumszentren und einem Grüngürtel bildet er eine regionale Flächenstrategie gegen die Zersiedelung.",
                ),
                (
                    "background",
                    "Die Probleme von Metro Cebu enden nicht an Gemeindegrenzen; Planende fordern deshalb eine Planung für die ganze Metropolregion statt Stückwerk. Die jüngsten Katastrophen in der Region Visayas haben zudem Resilienz zu einem drängenden Thema gemacht.",
                ),
                (
                    "objectives",
                    "Der Green Loop soll der dichten Innenstadt grüne Lungen und Freiräume geben, eine gesteuerte Verdichtung entlang des Korridors ermöglichen und den Zusammenhalt der Bewohnerinnen und Bewohner stärken. Identifikation mit dem Ort und Bürgerstolz gehören zum Ziel.",
                ),
                (
                    "approach",
                    "Das Konzept verbindet öffentlichen Verkehr, Fußwege und Grünflächen in einer Schleife durch das Zentrum. Es setzt auf die Zusammenarbeit von Kommunalverwaltungen, Privatwirtschaft und Gemeinschaften; an Aktionstagen, an denen die Straße geteilt wurde, konnten Bewohnerinnen und Bewohner die Idee vor Ort erleben.",
                ),
                (
                    "transferability",
                    "Metropolregionen mit Zersiedelung können einen grünen Korridor als ordnendes Element nutzen, das Mobilität, Grün und Verdichtung verbindet. Dafür müssen sich die Gemeinden der Region abstimmen.",
                ),
            ],
        },
    ),
    Practice(
        slug="phoenix-dortmund-hoerde",
        cities=["dortmund"],
        country="DE",
        region=GERMANY,
        cluster=IUD,
        field_of_action="urban-renewal",
        sdgs=[6, 11, 15],
        scale=Scale.NEIGHBOURHOOD,
        en={
            "title": "Revitalising a Steel Production Site (Phoenix, Dortmund-Hörde)",
            "teaser": "Where steel was once produced, Dortmund has created a new urban district around a lake on about 210 hectares of former industrial land.",
            "tags": ["brownfield", "structural change", "urban renewal", "water"],
            "figures": [("210 ha", "of former industrial land")],
            "sections": [
                (
                    "overview",
                    "Phoenix in Dortmund-Hörde is one of the largest conversions of industrial land in Germany. On about 210 hectares of former steelworks, the city has developed a new district with a lake, housing, offices and green space. A symbol of industrial decline has become a place where people want to live and work.",
                ),
                ("figures", ""),
                (
                    "background",
                    "When steel production ended, Hörde was left with large derelict sites, contaminated soil and a neighbourhood cut off from its surroundings. The closure cost many jobs and weighed on the image of the district.",
                ),
                (
                    "objectives",
                    "The city wanted to give the land a new purpose, open the neighbourhood up to water and green space and attract new residents and businesses. The conversion should also improve the urban climate and the ecological state of the area.",
                ),
                (
                    "approach",
                    "The site was cleared and the soil remediated. On one part a lake was created, with a new district growing along its shores; another part became a location for technology and service companies.",
                ),
                (
                    "results",
                    "Phoenix lake and the new district have changed how people see Hörde. Participants in the 2019 dialogue event on climate-proof urban development in Dortmund visited the lake as an example of structural change.",
                ),
                (
                    "lessons",
                    "Converting industrial land takes decades and needs staying power across electoral terms. Water and green space can give a former industrial site a new identity.",
                ),
                (
                    "transferability",
                    "Cities with large brownfields – from mining, steel or ports – can learn from how Dortmund combined remediation, water, housing and business. Financing and the long time frame need careful planning.",
                ),
            ],
        },
        de={
            "title": "Revitalisierung eines Stahlstandorts (Phoenix, Dortmund-Hörde)",
            "teaser": "Wo früher Stahl erzeugt wurde, hat Dortmund auf rund 210 Hektar früherer Industriefläche ein neues Stadtquartier rund um einen See geschaffen.",
            "tags": ["brachfläche", "strukturwandel", "stadterneuerung", "wasser"],
            "figures": [("210 ha", "frühere Industriefläche")],
            "sections": [
                (
                    "overview",
                    "Phoenix in Dortmund-Hörde ist eine der größten Umnutzungen von Industrieflächen in Deutschland. Auf rund 210 Hektar ehemaliger Stahlwerke hat die Stadt ein neues Quartier mit See, Wohnungen, Büros und Grünflächen entwickelt. Aus einem Symbol des industriellen Niedergangs ist ein Ort geworden, an dem Menschen gern wohnen und arbeiten.",
                ),
                ("figures", ""),
                (
                    "background",
                    "Als die Stahlproduktion endete, blieben in Hörde große Brachen, belastete Böden und ein von seiner Umgebung abgeschnittener Stadtteil zurück. Die Schließung kostete viele Arbeitsplätze und belastete das Image des Stadtteils.",
                ),
                (
                    "objectives",
                    "Die Stadt wollte der Fläche eine neue Bestimmung geben, den Stadtteil zu Wasser und Grün hin öffnen und neue Bewohnerinnen, Bewohner und Unternehmen gewinnen. Der Umbau sollte auch das Stadtklima und den ökologischen Zustand des Gebiets verbessern.",
                ),
                (
                    "approach",
                    "Das Gelände wurde geräumt und der Boden saniert. Auf einem Teil entstand ein See, an dessen Ufern ein neues Quartier wächst; ein anderer Teil wurde zum Standort für Technologie- und Dienstleistungsunternehmen.",
                ),
                (
                    "results",
                    "Der Phoenix-See und das neue Quartier haben den Blick auf Hörde verändert. Die Teilnehmenden der Dialogveranstaltung zu klimagerechter Stadtentwicklung 2019 in Dortmund besuchten den See als Beispiel für Strukturwandel.",
                ),
                (
                    "lessons",
                    "Die Umnutzung von Industrieflächen dauert Jahrzehnte und braucht einen langen Atem über Wahlperioden hinweg. Wasser und Grün können einem früheren Industriestandort eine neue Identität geben.",
                ),
                (
                    "transferability",
                    "Städte mit großen Brachen aus Bergbau, Stahlindustrie oder Häfen können lernen, wie Dortmund Sanierung, Wasser, Wohnen und Gewerbe verbunden hat. Finanzierung und lange Zeiträume müssen sorgfältig geplant werden.",
                ),
            ],
        },
    ),
    Practice(
        slug="banepa-traditional-construction-bio-based-materials",
        cities=["banepa"],
        country="NP",
        region=ASIA,
        cluster=IUD,
        field_of_action="urban-renewal",
        sdgs=[11, 12, 13],
        scale=Scale.NEIGHBOURHOOD,
        en={
            "title": "Banepa preserves traditional construction methods using bio-based materials",
            "teaser": "The Nepalese town of Banepa protects its historic centre by keeping traditional building methods and bio-based materials alive – with tax relief for owners who use them.",
            "tags": ["heritage", "bio-based materials", "traditional construction"],
            "figures": [("1.2 km", "historic centre (approx.)")],
            "sections": [
                (
                    "overview",
                    "Banepa, a historic town east of Kathmandu, is working to preserve the character of its old centre, which stretches for about 1.2 kilometres. The municipality encourages owners to build and repair with traditional methods and bio-based materials such as timber and clay. Tax relief makes this choice attractive.",
                ),
                ("figures", ""),
                (
                    "background",
                    "Fast construction in concrete has changed the face of many historic towns in Nepal. Traditional skills and materials risk being lost, and with them the identity of old town centres.",
                ),
                (
                    "objectives",
                    "The town wants to keep its historic streetscape and the craft knowledge behind it. Bio-based materials also cause fewer emissions than concrete and steel.",
                ),
                (
                    "approach",
                    "Owners in the historic centre who build or renovate with traditional methods and materials receive tax relief. The incentive rewards a private choice that benefits the whole town.",
                ),
                (
                    "lessons",
                    "Financial incentives can help where rules alone would meet resistance. Protecting heritage and protecting the climate can support each other.",
                ),
                (
                    "transferability",
                    "Towns whose historic centres are under pressure from new construction can adapt the incentive. It needs a clear definition of the protected area and of what counts as traditional construction.",
                ),
            ],
        },
        de={
            "title": "Banepa bewahrt traditionelle Bauweisen mit biobasierten Baustoffen",
            "teaser": "Die nepalesische Stadt Banepa schützt ihre Altstadt, indem sie traditionelle Bauweisen und biobasierte Baustoffe lebendig hält – mit Steuererleichterungen für Eigentümer, die sie nutzen.",
            "tags": ["kulturerbe", "biobasierte baustoffe", "traditionelles bauen"],
            "figures": [("1,2 km", "historisches Zentrum (ca.)")],
            "sections": [
                (
                    "overview",
                    "Banepa, eine historische Stadt östlich von Kathmandu, will den Charakter ihres rund 1,2 Kilometer langen Altstadtkerns bewahren. Die Stadtverwaltung ermutigt Eigentümerinnen und Eigentümer, mit traditionellen Methoden und biobasierten Baustoffen wie Holz und Lehm zu bauen und zu sanieren. Steuererleichterungen machen diese Wahl attraktiv.",
                ),
                ("figures", ""),
                (
                    "background",
                    "Schnelles Bauen mit Beton hat das Gesicht vieler historischer Städte in Nepal verändert. Traditionelles Handwerk und Baustoffe drohen verloren zu gehen – und mit ihnen die Identität der Altstädte.",
                ),
                (
                    "objectives",
                    "Die Stadt will ihr historisches Stadtbild und das Handwerkswissen dahinter erhalten. Biobasierte Baustoffe verursachen zudem weniger Emissionen als Beton und Stahl.",
                ),
                (
                    "approach",
                    "Wer im historischen Zentrum mit traditionellen Methoden und Baustoffen baut oder saniert, erhält Steuererleichterungen. Der Anreiz belohnt eine private Entscheidung, von der die ganze Stadt profitiert.",
                ),
                (
                    "lessons",
                    "Finanzielle Anreize helfen dort, wo Vorschriften allein auf Widerstand stoßen würden. Denkmalschutz und Klimaschutz können sich gegenseitig stützen.",
                ),
                (
                    "transferability",
                    "Städte, deren Altstädte unter dem Druck von Neubauten stehen, können den Anreiz übernehmen. Dafür braucht es eine klare Abgrenzung des Schutzgebiets und eine Festlegung, was als traditionelle Bauweise gilt.",
                ),
            ],
        },
    ),
    Practice(
        slug="andernach-eatable-city",
        cities=["andernach"],
        country="DE",
        region=GERMANY,
        cluster=IUD,
        field_of_action="urban-gardening",
        sdgs=[2, 11, 15],
        start_year=2010,
        en={
            "title": "Andernach – The Eatable City",
            "teaser": "Since 2010, vegetables, fruit and herbs have grown in Andernach's public green spaces – and everyone is invited to pick them.",
            "tags": [
                "urban gardening",
                "edible city",
                "biodiversity",
                "public green space",
            ],
            "main_actors": "Town of Andernach and its parks department; residents.",
            "sections": [
                (
                    "overview",
                    "Andernach on the Rhine calls itself the 'edible city'. Instead of ornamental plants, the town grows vegetables, fruit and herbs in public parks and beds, and residents may harvest them freely. The idea has made the town known far beyond Germany.",
                ),
                (
                    "background",
                    "Public green space costs money to maintain and often offers residents little beyond its looks. Andernach looked for a way to make its green spaces more useful, more diverse and more of a shared responsibility.",
                ),
                (
                    "objectives",
                    "The town wants to bring people into contact with how food is grown, increase biodiversity and make public space a place of encounter. 'Picking allowed' instead of 'keep off' is the guiding principle.",
                ),
                (
                    "approach",
                    "Since 2010 the town has planted edible crops in public spaces, including the moat below the historic town wall. Plantings change with the seasons and show a wide variety of species and varieties.",
                ),
                (
                    "results",
                    "The edible city has become a widely cited example of urban gardening. In September 2018 a study tour from Jordan visited Andernach to learn from it.",
                ),
                (
                    "lessons",
                    "A simple idea, applied consistently, can change how residents relate to public space. Trusting residents to harvest responsibly is part of the concept.",
                ),
                (
                    "transferability",
                    "Any town can start small with a few edible beds in public places. It takes committed park staff and clear information about what may be picked.",
                ),
            ],
        },
        de={
            "title": "Andernach – die essbare Stadt",
            "teaser": "Seit 2010 wachsen in Andernachs öffentlichen Grünanlagen Gemüse, Obst und Kräuter – und alle sind eingeladen, sie zu ernten.",
            "tags": [
                "urban gardening",
                "essbare stadt",
                "biodiversität",
                "öffentliches grün",
            ],
            "main_actors": "Stadt Andernach und ihre Grünflächenverwaltung; Bürgerinnen und Bürger.",
            "sections": [
                (
                    "overview",
                    "Andernach am Rhein nennt sich die „essbare Stadt“. Statt Zierpflanzen wachsen in öffentlichen Parks und Beeten Gemüse, Obst und Kräuter, die alle frei ernten dürfen. Die Idee hat die Stadt weit über Deutschland hinaus bekannt gemacht.",
                ),
                (
                    "background",
                    "Öffentliches Grün kostet Pflege und bietet den Menschen oft wenig mehr als seinen Anblick. Andernach suchte nach einem Weg, seine Grünflächen nützlicher, vielfältiger und zu einer gemeinsamen Sache zu machen.",
                ),
                (
                    "objectives",
                    "Die Stadt will Menschen wieder mit dem Anbau von Lebensmitteln in Berührung bringen, die biologische Vielfalt stärken und den öffentlichen Raum zu einem Ort der Begegnung machen. „Pflücken erlaubt“ statt „Betreten verboten“ lautet das Leitmotiv.",
                ),
                (
                    "approach",
                    "Seit 2010 pflanzt die Stadt essbare Kulturen im öffentlichen Raum, unter anderem im Graben unterhalb der historischen Stadtmauer. Die Bepflanzung wechselt mit den Jahreszeiten und zeigt eine große Vielfalt an Arten und Sorten.",
                ),
                (
                    "results",
                    "Die essbare Stadt ist zu einem viel zitierten Beispiel für Urban Gardening geworden. Im September 2018 besuchte eine Studienreise aus Jordanien Andernach, um von ihr zu lernen.",
                ),
                (
                    "lessons",
                    "Eine einfache Idee, konsequent umgesetzt, kann das Verhältnis der Menschen zum öffentlichen Raum verändern. Das Vertrauen, dass die Menschen verantwortungsvoll ernten, gehört zum Konzept.",
                ),
                (
                    "transferability",
                    "Jede Stadt kann klein anfangen, mit ein paar essbaren Beeten an öffentlichen Orten. Es braucht engagierte Mitarbeitende in der Grünpflege und klare Hinweise, was geerntet werden darf.",
                ),
            ],
        },
    ),
    Practice(
        slug="inclusive-violence-and-crime-prevention",
        country="ZA",
        region=SSA,
        cluster=GUG,
        sdgs=[5, 11, 16],
        status=COMPLETED,
        start_year=2012,
        end_year=2015,
        scale=Scale.NATIONAL,
        en={
            "title": "Inclusive violence and crime prevention (VCP)",
            "teaser": "South African municipalities worked with their communities to prevent violence and crime before it happens – through planning, social measures and cooperation across departments.",
            "tags": ["violence prevention", "urban safety", "participation"],
            "main_actors": "Several South African municipalities and their communities.",
            "sections": [
                (
                    "overview",
                    "Violence and crime shape daily life in many South African cities. The inclusive violence and crime prevention approach helps municipalities tackle the causes instead of only reacting to incidents. It brings urban planning, social services and community participation together.",
                ),
                (
                    "background",
                    "Prevention has long been seen as a task for the police alone. Yet many risk factors – dark and neglected spaces, a lack of facilities for young people, weak social ties – are within the reach of local government. The first phase ran from 2012 to 2015 in several municipalities.",
                ),
                (
                    "objectives",
                    "Municipalities should be able to plan and carry out prevention themselves, with communities as partners. Safety is treated as a shared responsibility of all departments and of residents.",
                ),
                (
                    "approach",
                    "Participating municipalities analysed local safety problems together with residents and designed measures that combine changes to public space with social programmes. Staff were trained, and municipalities exchanged their experience.",
                ),
                (
                    "lessons",
                    "Prevention works when it is anchored in municipal planning and budgets rather than left to pilot projects. Involving young people and women makes measures fit real needs.",
                ),
                (
                    "transferability",
                    "Cities in other countries with high levels of violence can adapt the approach. It needs political backing and cooperation between local government, police and civil society.",
                ),
            ],
        },
        de={
            "title": "Inklusive Gewalt- und Kriminalprävention (VCP)",
            "teaser": "Südafrikanische Kommunen haben mit ihren Gemeinschaften Gewalt und Kriminalität vorgebeugt, bevor sie entstehen – mit Planung, sozialen Maßnahmen und Zusammenarbeit über Ämtergrenzen hinweg.",
            "tags": ["gewaltprävention", "urbane sicherheit", "beteiligung"],
            "main_actors": "Mehrere südafrikanische Kommunen und ihre Gemeinschaften.",
            "sections": [
                (
                    "overview",
                    "Gewalt und Kriminalität prägen den Alltag in vielen südafrikanischen Städten. Der Ansatz der inklusiven Gewalt- und Kriminalprävention hilft Kommunen, die Ursachen anzugehen, statt nur auf Vorfälle zu reagieren. Er verbindet Stadtplanung, soziale Dienste und Bürgerbeteiligung.",
                ),
                (
                    "background",
                    "Prävention galt lange als Aufgabe allein der Polizei. Viele Risikofaktoren – dunkle und vernachlässigte Orte, fehlende Angebote für Jugendliche, schwache soziale Bindungen – liegen jedoch im Einflussbereich der Kommunen. Die erste Phase lief von 2012 bis 2015 in mehreren Kommunen.",
                ),
                (
                    "objectives",
                    "Kommunen sollen Prävention selbst planen und umsetzen können, mit den Gemeinschaften als Partnern. Sicherheit gilt als gemeinsame Aufgabe aller Ämter und der Bewohnerinnen und Bewohner.",
                ),
                (
                    "approach",
                    "Die beteiligten Kommunen analysierten die Sicherheitsprobleme vor Ort gemeinsam mit den Menschen und entwickelten Maßnahmen, die Veränderungen im öffentlichen Raum mit sozialen Programmen verbinden. Mitarbeitende wurden geschult, und die Kommunen tauschten ihre Erfahrungen aus.",
                ),
                (
                    "lessons",
                    "Prävention wirkt, wenn sie in kommunaler Planung und im Haushalt verankert ist und nicht Pilotprojekten überlassen bleibt. Die Beteiligung von Jugendlichen und Frauen sorgt dafür, dass Maßnahmen echten Bedürfnissen entsprechen.",
                ),
                (
                    "transferability",
                    "Städte in anderen Ländern mit hoher Gewaltbelastung können den Ansatz übernehmen. Er braucht politischen Rückhalt und die Zusammenarbeit von Kommune, Polizei und Zivilgesellschaft.",
                ),
            ],
        },
    ),
    Practice(
        slug="the-other-side-of-the-fence-village-heights",
        cities=["cape-town"],
        country="ZA",
        region=SSA,
        cluster=IUD,
        field_of_action="public-space",
        sdgs=[11, 15],
        scale=Scale.NEIGHBOURHOOD,
        en={
            "title": '"The Other Side of the Fence" (Village Heights)',
            "teaser": "In Cape Town's Village Heights, residents of an informal settlement and the protected nature on the other side of the fence are brought closer together.",
            "tags": ["informal settlements", "nature conservation", "community"],
            "sections": [
                (
                    "overview",
                    "Village Heights is an informal settlement in Cape Town that borders a protected natural area, separated from it by a fence. 'The Other Side of the Fence' brings residents and the nature next door closer together. It was featured as a new good practice in 2017.",
                ),
                (
                    "background",
                    "Informal settlements and nature reserves are often seen as opposites, one a threat to the other. Residents rarely benefit from the green space on their doorstep, while pressure on the protected area grows.",
                ),
                (
                    "objectives",
                    "The project aims to make residents partners in caring for the natural area and to let them benefit from it, for example through environmental education and access to green space.",
                ),
                (
                    "approach",
                    "Conservation staff and residents work together in activities that open the natural area to the neighbourhood and build a shared sense of responsibility for it.",
                ),
                (
                    "lessons",
                    "Seeing an informal settlement as a neighbour rather than a threat opens new ways of protecting nature. Trust grows through regular, practical cooperation.",
                ),
                (
                    "transferability",
                    "Many cities have informal settlements next to rivers, wetlands or reserves. The idea of turning a boundary into a meeting place can be adapted there.",
                ),
            ],
        },
        de={
            "title": "„Die andere Seite des Zauns“ (Village Heights)",
            "teaser": "Im Kapstädter Village Heights werden die Bewohnerinnen und Bewohner einer informellen Siedlung und die geschützte Natur jenseits des Zauns einander nähergebracht.",
            "tags": ["informelle siedlungen", "naturschutz", "gemeinschaft"],
            "sections": [
                (
                    "overview",
                    "Village Heights ist eine informelle Siedlung in Kapstadt, die an ein Naturschutzgebiet grenzt und durch einen Zaun von ihm getrennt ist. „Die andere Seite des Zauns“ bringt die Menschen und die Natur nebenan zusammen. 2017 wurde das Projekt als neue gute Praxis vorgestellt.",
                ),
                (
                    "background",
                    "Informelle Siedlungen und Naturschutzgebiete gelten oft als Gegensätze, das eine als Bedrohung des anderen. Die Bewohnerinnen und Bewohner haben selten etwas von dem Grün vor ihrer Haustür, während der Druck auf das Schutzgebiet wächst.",
                ),
                (
                    "objectives",
                    "Das Projekt will die Menschen zu Partnern bei der Pflege des Naturgebiets machen und sie daran teilhaben lassen, etwa durch Umweltbildung und Zugang zum Grün.",
                ),
                (
                    "approach",
                    "Mitarbeitende des Naturschutzes und Bewohnerinnen und Bewohner gestalten gemeinsam Aktivitäten, die das Naturgebiet für das Quartier öffnen und ein gemeinsames Verantwortungsgefühl aufbauen.",
                ),
                (
                    "lessons",
                    "Wer eine informelle Siedlung als Nachbarin und nicht als Bedrohung sieht, findet neue Wege, Natur zu schützen. Vertrauen wächst durch regelmäßige, praktische Zusammenarbeit.",
                ),
                (
                    "transferability",
                    "Viele Städte haben informelle Siedlungen an Flüssen, Feuchtgebieten oder Schutzgebieten. Die Idee, aus einer Grenze einen Ort der Begegnung zu machen, lässt sich dort übertragen.",
                ),
            ],
        },
    ),
    Practice(
        slug="mangrove-forest-quelimane",
        cities=["quelimane"],
        country="MZ",
        region=SSA,
        cluster=IUD,
        sdgs=[13, 14, 15],
        en={
            "title": "Mangrove Forest as a line of defense in Quelimane City, Mozambique",
            "teaser": "Quelimane protects its coast with mangrove forests managed by community committees – which also give residents an income from beekeeping.",
            "tags": [
                "climate adaptation",
                "nature-based solutions",
                "mangroves",
                "beekeeping",
            ],
            "main_actors": "City of Quelimane; community mangrove management committees.",
            "sections": [
                (
                    "overview",
                    "Quelimane, a coastal city in central Mozambique, relies on mangrove forests as a natural line of defence against storms, flooding and erosion. Community committees manage the mangroves and protect them from overuse. Beekeeping in the forests gives residents an additional income.",
                ),
                (
                    "background",
                    "Mangroves buffer coasts against storm surges and rising seas, but they are often cut for firewood and building material or cleared for construction. In a low-lying city exposed to cyclones, losing them raises the risk for residents.",
                ),
                (
                    "objectives",
                    "The city wants to conserve and restore its mangroves as a nature-based protection for the coast. Communities should take ownership of the forests and benefit from them economically.",
                ),
                (
                    "approach",
                    "Mangrove management committees from the local communities look after the forests, take part in replanting and watch over their use. Beekeeping among the mangroves adds an income that depends on the forests staying healthy.",
                ),
                (
                    "lessons",
                    "Nature-based solutions last when the people living next to them have a stake in them. Co-benefits such as honey make protection worthwhile in everyday life.",
                ),
                (
                    "transferability",
                    "Coastal cities with mangroves, wetlands or dunes can adapt the model of community committees and income from conservation.",
                ),
            ],
        },
        de={
            "title": "Mangrovenwald als Schutzlinie in Quelimane, Mosambik",
            "teaser": "Quelimane schützt seine Küste mit Mangrovenwäldern, die von Gemeinschaftskomitees verwaltet werden – und die den Menschen mit Imkerei auch ein Einkommen bieten.",
            "tags": [
                "klimaanpassung",
                "naturbasierte lösungen",
                "mangroven",
                "imkerei",
            ],
            "main_actors": "Stadt Quelimane; Mangrovenkomitees der Gemeinschaften.",
            "sections": [
                (
                    "overview",
                    "Quelimane, eine Küstenstadt in Zentralmosambik, setzt auf Mangrovenwälder als natürliche Schutzlinie gegen Stürme, Überschwemmungen und Erosion. Komitees aus den Gemeinschaften verwalten die Mangroven und schützen sie vor Übernutzung. Imkerei in den Wäldern bringt den Menschen ein zusätzliches Einkommen.",
                ),
                (
                    "background",
                    "Mangroven schützen Küsten vor Sturmfluten und steigendem Meeresspiegel, werden aber oft für Brennholz und Baumaterial geschlagen oder für Bauvorhaben gerodet. In einer tief gelegenen, von Zyklonen bedrohten Stadt erhöht ihr Verlust das Risiko für die Bevölkerung.",
                ),
                (
                    "objectives",
                    "Die Stadt will ihre Mangroven als naturbasierten Küstenschutz erhalten und wiederherstellen. Die Gemeinschaften sollen Verantwortung für die Wälder übernehmen und wirtschaftlich von ihnen profitieren.",
                ),
                (
                    "approach",
                    "Mangrovenkomitees aus den Gemeinschaften pflegen die Wälder, beteiligen sich an Neupflanzungen und wachen über die Nutzung. Bienenhaltung in den Mangroven schafft ein Einkommen, das von gesunden Wäldern abhängt.",
                ),
                (
                    "lessons",
                    "Naturbasierte Lösungen haben Bestand, wenn die Menschen in ihrer Nähe etwas davon haben. Zusatznutzen wie Honig machen Schutz im Alltag lohnend.",
                ),
                (
                    "transferability",
                    "Küstenstädte mit Mangroven, Feuchtgebieten oder Dünen können das Modell der Gemeinschaftskomitees und des Einkommens aus Naturschutz übernehmen.",
                ),
            ],
        },
    ),
    Practice(
        slug="dar-es-salaam-metropolitan-development-project-phase-1",
        cities=["dar-es-salaam"],
        country="TZ",
        region=SSA,
        cluster=MS,
        sdgs=[6, 11, 13],
        status=COMPLETED,
        scale=Scale.METROPOLITAN,
        en={
            "title": "Dar es Salaam Metropolitan Development Project (DMDP) Phase 1",
            "teaser": "About 67 kilometres of rainwater channels were part of the first phase of Dar es Salaam's metropolitan development project to reduce flooding in a fast-growing city.",
            "tags": ["flood management", "drainage", "infrastructure"],
            "figures": [("67 km", "of rainwater channels (approx.)")],
            "sections": [
                (
                    "overview",
                    "Dar es Salaam is one of Africa's fastest-growing cities, and heavy rain regularly floods its neighbourhoods. The first phase of the Dar es Salaam Metropolitan Development Project improved drainage and urban infrastructure in the metropolitan area, including about 67 kilometres of rainwater channels.",
                ),
                ("figures", ""),
                (
                    "background",
                    "Much of the city has grown without planned drainage. Blocked or missing channels turn heavy rain into floods that damage homes, roads and businesses and spread disease.",
                ),
                (
                    "objectives",
                    "The project set out to reduce flooding, improve access to basic infrastructure and strengthen the municipal councils' ability to plan and maintain it.",
                ),
                (
                    "approach",
                    "Drainage channels and related infrastructure were built across the municipalities of the metropolitan area, coordinated between the councils. The experience was documented in a good practice publication in 2024.",
                ),
                (
                    "lessons",
                    "Drainage only works if channels are kept clear, which needs maintenance budgets and reliable solid waste collection. Coordination between the councils of a metropolitan area is essential.",
                ),
                (
                    "transferability",
                    "Fast-growing coastal and river cities can learn from how Dar es Salaam combined investment in infrastructure with coordination across municipalities.",
                ),
            ],
        },
        de={
            "title": "Metropolitanes Entwicklungsprojekt Dar es Salaam (DMDP), Phase 1",
            "teaser": "Rund 67 Kilometer Regenwasserkanäle gehörten zur ersten Phase des metropolitanen Entwicklungsprojekts von Dar es Salaam gegen Überschwemmungen in einer schnell wachsenden Stadt.",
            "tags": ["hochwasserschutz", "entwässerung", "infrastruktur"],
            "figures": [("67 km", "Regenwasserkanäle (ca.)")],
            "sections": [
                (
                    "overview",
                    "Dar es Salaam gehört zu den am schnellsten wachsenden Städten Afrikas, und Starkregen überflutet regelmäßig ganze Viertel. Die erste Phase des Dar es Salaam Metropolitan Development Project verbesserte Entwässerung und städtische Infrastruktur in der Metropolregion, darunter rund 67 Kilometer Regenwasserkanäle.",
                ),
                ("figures", ""),
                (
                    "background",
                    "Große Teile der Stadt sind ohne geplante Entwässerung gewachsen. Verstopfte oder fehlende Kanäle machen aus Starkregen Überschwemmungen, die Häuser, Straßen und Betriebe beschädigen und Krankheiten verbreiten.",
                ),
                (
                    "objectives",
                    "Das Projekt sollte Überschwemmungen verringern, den Zugang zu grundlegender Infrastruktur verbessern und die Kommunalverwaltungen befähigen, diese zu planen und zu unterhalten.",
                ),
                (
                    "approach",
                    "In den Kommunen der Metropolregion wurden Entwässerungskanäle und weitere Infrastruktur gebaut, abgestimmt zwischen den Verwaltungen. Die Erfahrungen wurden 2024 in einer Veröffentlichung zur guten Praxis dokumentiert.",
                ),
                (
                    "lessons",
                    "Entwässerung funktioniert nur, wenn die Kanäle frei bleiben – das braucht Mittel für den Unterhalt und eine verlässliche Abfallsammlung. Die Abstimmung zwischen den Verwaltungen einer Metropolregion ist unverzichtbar.",
                ),
                (
                    "transferability",
                    "Schnell wachsende Küsten- und Flussstädte können lernen, wie Dar es Salaam Investitionen in Infrastruktur mit der Abstimmung zwischen Kommunen verbunden hat.",
                ),
            ],
        },
    ),
    Practice(
        slug="land-revitalisation-sao-paulo",
        cities=["sao-paulo"],
        country="BR",
        region=LATAM,
        cluster=IUD,
        field_of_action="urban-renewal",
        sdgs=[11, 15],
        en={
            "title": "Land revitalisation in São Paulo",
            "teaser": "São Paulo brings disused and degraded land back into use as green and public space for a dense metropolis.",
            "tags": ["brownfield", "green space", "public space"],
            "sections": [
                (
                    "overview",
                    "In a dense metropolis like São Paulo, every disused plot is an opportunity. The city revitalises degraded and abandoned land and turns it into green and public spaces, which improves the urban climate and gives neighbourhoods places to meet.",
                ),
                (
                    "background",
                    "Rapid growth has left many districts of São Paulo short of green space, while former industrial sites and leftover land lie unused. Such sites may be contaminated and attract illegal dumping.",
                ),
                (
                    "objectives",
                    "Degraded land is to be returned to the city as usable space: parks, squares and green areas that cool the city, absorb rainwater and serve residents.",
                ),
                (
                    "approach",
                    "The city identifies suitable sites, clarifies ownership and contamination, and develops them as green or public space, where possible together with the neighbourhood.",
                ),
                (
                    "transferability",
                    "Many large cities have leftover and brownfield land. The approach shows how it can make up for a lack of green space in dense districts.",
                ),
            ],
        },
        de={
            "title": "Flächenrevitalisierung in São Paulo",
            "teaser": "São Paulo bringt brachliegende und geschädigte Flächen als Grün- und Freiräume für eine dichte Metropole zurück in die Nutzung.",
            "tags": ["brachfläche", "grünflächen", "öffentlicher raum"],
            "sections": [
                (
                    "overview",
                    "In einer dichten Metropole wie São Paulo ist jedes ungenutzte Grundstück eine Chance. Die Stadt revitalisiert geschädigte und aufgegebene Flächen und macht daraus Grün- und Freiräume; das verbessert das Stadtklima und gibt den Quartieren Orte der Begegnung.",
                ),
                (
                    "background",
                    "Das schnelle Wachstum hat vielen Stadtteilen São Paulos zu wenig Grün gelassen, während frühere Industrieflächen und Restflächen ungenutzt liegen. Solche Flächen können belastet sein und ziehen illegale Müllablagerungen an.",
                ),
                (
                    "objectives",
                    "Geschädigte Flächen sollen der Stadt als nutzbarer Raum zurückgegeben werden: Parks, Plätze und Grünflächen, die die Stadt kühlen, Regenwasser aufnehmen und den Menschen dienen.",
                ),
                (
                    "approach",
                    "Die Stadt ermittelt geeignete Flächen, klärt Eigentum und Altlasten und entwickelt sie zu Grün- oder Freiräumen, wo möglich gemeinsam mit der Nachbarschaft.",
                ),
                (
                    "transferability",
                    "Viele Großstädte haben Rest- und Brachflächen. Der Ansatz zeigt, wie sie den Mangel an Grün in dichten Stadtteilen ausgleichen können.",
                ),
            ],
        },
    ),
    Practice(
        # The facts name no city for this practice: it is told as what cities across
        # the network learnt, and filed under the network's global region.
        slug="integrated-waste-management",
        country="",
        region=INTL,
        cluster=MS,
        field_of_action="waste-management-and-recycling",
        sdgs=[11, 12, 13],
        en={
            "title": "Integrated waste management",
            "teaser": "Collection, recycling, composting and safe disposal work best as one system: what cities in the Connective Cities network have learnt about integrated waste management.",
            "tags": ["waste management", "recycling", "composting", "circular economy"],
            "sections": [
                (
                    "overview",
                    "Integrated solid waste management looks at the whole chain – avoiding waste, collecting it, recycling, composting and safe disposal – and at everyone involved, including informal collectors. Cities in the network have exchanged experience with this approach at many events since 2015.",
                ),
                (
                    "background",
                    "In many fast-growing cities, waste collection does not keep pace with growth, and open dumping harms health and the climate. Single measures, such as a new landfill or a recycling campaign, rarely solve the problem on their own.",
                ),
                (
                    "objectives",
                    "An integrated system aims to collect all waste reliably, recover as much value from it as possible and dispose of the rest safely, at a cost the city can sustain.",
                ),
                (
                    "approach",
                    "Cities plan collection, recycling, composting and disposal together, set fees and budgets that cover operation, and involve residents, private companies and informal collectors. Exchanges between African, Arab and German cities and their municipal utilities have shown how such systems can be built step by step.",
                ),
                (
                    "lessons",
                    "Organic waste is often the largest share and can become compost instead of a problem. Informal collectors already recover much of the value and should be part of the system rather than pushed out of it.",
                ),
                (
                    "transferability",
                    "The principles apply to cities of every size; the right mix of measures depends on the local waste, finances and institutions.",
                ),
            ],
        },
        de={
            "title": "Integriertes Abfallmanagement",
            "teaser": "Sammlung, Recycling, Kompostierung und sichere Entsorgung funktionieren am besten als ein System: Was Städte im Netzwerk von Connective Cities über integriertes Abfallmanagement gelernt haben.",
            "tags": [
                "abfallwirtschaft",
                "recycling",
                "kompostierung",
                "kreislaufwirtschaft",
            ],
            "sections": [
                (
                    "overview",
                    "Integriertes Abfallmanagement betrachtet die ganze Kette – Vermeidung, Sammlung, Recycling, Kompostierung und sichere Entsorgung – und alle Beteiligten, auch informelle Sammlerinnen und Sammler. Städte im Netzwerk haben seit 2015 auf vielen Veranstaltungen Erfahrungen mit diesem Ansatz ausgetauscht.",
                ),
                (
                    "background",
                    "In vielen schnell wachsenden Städten hält die Abfallsammlung mit dem Wachstum nicht Schritt, und wilde Deponien schaden Gesundheit und Klima. Einzelmaßnahmen wie eine neue Deponie oder eine Recyclingkampagne lösen das Problem selten allein.",
                ),
                (
                    "objectives",
                    "Ein integriertes System soll allen Abfall verlässlich sammeln, möglichst viel davon verwerten und den Rest sicher entsorgen – zu Kosten, die die Stadt dauerhaft tragen kann.",
                ),
                (
                    "approach",
                    "Städte planen Sammlung, Recycling, Kompostierung und Entsorgung gemeinsam, legen Gebühren und Budgets fest, die den Betrieb decken, und beziehen Bevölkerung, private Unternehmen und informelle Sammler ein. Der Austausch zwischen afrikanischen, arabischen und deutschen Städten und ihren kommunalen Betrieben hat gezeigt, wie solche Systeme Schritt für Schritt entstehen.",
                ),
                (
                    "lessons",
                    "Organische Abfälle sind oft der größte Anteil und können zu Kompost statt zum Problem werden. Informelle Sammler gewinnen bereits einen großen Teil der Wertstoffe zurück und sollten Teil des Systems werden, statt verdrängt zu werden.",
                ),
                (
                    "transferability",
                    "Die Grundsätze gelten für Städte jeder Größe; die passende Mischung von Maßnahmen hängt von den örtlichen Abfällen, Finanzen und Institutionen ab.",
                ),
            ],
        },
    ),
    Practice(
        slug="amman-voluntary-local-review",
        cities=["greater-amman-municipality"],
        country="JO",
        region=MENA,
        cluster=GUG,
        sdgs=[11, 16, 17],
        status=COMPLETED,
        start_year=2021,
        end_year=2022,
        en={
            "title": "Amman Voluntary Local Review (first VLR in the Arab region)",
            "teaser": "Greater Amman Municipality reviewed its progress on the Sustainable Development Goals in the first Voluntary Local Review of the Arab region and presented it at the UN in New York.",
            "tags": ["sdg localisation", "voluntary local review", "reporting"],
            "main_actors": "Greater Amman Municipality.",
            "sections": [
                (
                    "overview",
                    "In 2022 Greater Amman Municipality completed a Voluntary Local Review (VLR), a report on how the city contributes to the Sustainable Development Goals. It was the first VLR in the Arab region. The city presented it at the UN High-Level Political Forum in New York, alongside Jordan's Voluntary National Review.",
                ),
                (
                    "background",
                    "Countries report on the SDGs in Voluntary National Reviews, but much of the work happens in cities. A VLR lets a city show its contribution, identify gaps and speak for itself internationally. Amman decided in 2021 to prepare one.",
                ),
                (
                    "objectives",
                    "The review should give an honest picture of where the city stands on selected goals, link its strategies to the 2030 Agenda and make its work visible to citizens, the national government and partners.",
                ),
                (
                    "approach",
                    "The municipality gathered data from its departments, assessed its plans and projects against the goals and prepared the report with its partners, in step with Jordan's national reporting.",
                ),
                (
                    "results",
                    "Amman became the first city in the Arab region with a VLR and presented it at the High-Level Political Forum in New York. Its experience is shared with other cities in the network that are preparing reviews of their own.",
                ),
                (
                    "lessons",
                    "A VLR is as much a learning process inside the administration as it is a report. Linking it to the national review strengthens the dialogue between city and state.",
                ),
                (
                    "transferability",
                    "Cities in the region and beyond can follow the steps Amman took. Connective Cities supports such processes in its learning process on sustainability reporting.",
                ),
            ],
        },
        de={
            "title": "Freiwilliger lokaler Bericht Ammans (erster VLR der arabischen Region)",
            "teaser": "Die Stadtverwaltung Groß-Amman hat ihren Fortschritt bei den Zielen für nachhaltige Entwicklung im ersten freiwilligen lokalen Bericht der arabischen Region überprüft und ihn bei den Vereinten Nationen in New York vorgestellt.",
            "tags": [
                "sdg-lokalisierung",
                "freiwilliger lokaler bericht",
                "berichterstattung",
            ],
            "main_actors": "Stadtverwaltung Groß-Amman (Greater Amman Municipality).",
            "sections": [
                (
                    "overview",
                    "2022 schloss die Stadtverwaltung Groß-Amman einen Voluntary Local Review (VLR) ab, einen Bericht darüber, wie die Stadt zu den Zielen für nachhaltige Entwicklung beiträgt. Es war der erste VLR in der arabischen Region. Die Stadt stellte ihn beim Hochrangigen Politischen Forum der Vereinten Nationen in New York vor, zusammen mit Jordaniens nationalem Bericht.",
                ),
                (
                    "background",
                    "Staaten berichten in freiwilligen nationalen Berichten über die SDGs, doch viel Arbeit geschieht in den Städten. Ein VLR zeigt den Beitrag einer Stadt, benennt Lücken und gibt ihr international eine eigene Stimme. Amman beschloss 2021, einen solchen Bericht zu erstellen.",
                ),
                (
                    "objectives",
                    "Der Bericht soll ehrlich zeigen, wo die Stadt bei ausgewählten Zielen steht, ihre Strategien mit der Agenda 2030 verbinden und ihre Arbeit für Bürgerinnen und Bürger, die Regierung und Partner sichtbar machen.",
                ),
                (
                    "approach",
                    "Die Stadtverwaltung sammelte Daten aus ihren Ämtern, bewertete ihre Pläne und Projekte anhand der Ziele und erarbeitete den Bericht mit ihren Partnern, abgestimmt auf die nationale Berichterstattung Jordaniens.",
                ),
                (
                    "results",
                    "Amman wurde die erste Stadt der arabischen Region mit einem VLR und stellte ihn beim Hochrangigen Politischen Forum in New York vor. Ihre Erfahrungen gibt sie an andere Städte im Netzwerk weiter, die eigene Berichte vorbereiten.",
                ),
                (
                    "lessons",
                    "Ein VLR ist ebenso ein Lernprozess in der Verwaltung wie ein Bericht. Die Verknüpfung mit dem nationalen Bericht stärkt den Dialog zwischen Stadt und Staat.",
                ),
                (
                    "transferability",
                    "Städte in der Region und darüber hinaus können den Schritten Ammans folgen. Connective Cities unterstützt solche Vorhaben in seinem Lernprozess zur Nachhaltigkeitsberichterstattung.",
                ),
            ],
        },
    ),
    Practice(
        slug="nadeera-digital-tools-for-recycling",
        cities=["nadeera"],
        country="LB",
        region=MENA,
        cluster=MS,
        field_of_action="waste-management-and-recycling",
        sdgs=[11, 12],
        scale=Scale.NATIONAL,
        en={
            "title": "Nadeera – digital tools for recycling",
            "teaser": "The Lebanese social enterprise Nadeera uses digital tools to help households sort and recycle their waste – presented to German and Lebanese practitioners in 2025.",
            "tags": ["recycling", "digitalisation", "waste management"],
            "main_actors": "Nadeera (social enterprise, Lebanon) with municipalities, households and recyclers.",
            "sections": [
                (
                    "overview",
                    "Nadeera is a social enterprise in Lebanon that uses digital tools to make recycling easier. Its approach connects households, collectors and recyclers and makes waste flows visible. Nadeera presented its work at an online exchange on waste management and digitalisation in May 2025.",
                ),
                (
                    "background",
                    "Lebanon has gone through recurring waste crises, and much recyclable material ends up on dumps. Municipalities often lack data on how much waste is produced, separated and recovered.",
                ),
                (
                    "objectives",
                    "The aim is more separation at source and higher recycling rates, with residents rewarded for taking part.",
                ),
                (
                    "approach",
                    "Digital tools show residents how to sort their waste and record what is collected; the data help municipalities and recyclers plan their services.",
                ),
                (
                    "results",
                    "At the online event 'Waste Management and Digitalisation' on 28 May 2025, German and Lebanese practitioners discussed how such tools can support municipal waste services.",
                ),
                (
                    "transferability",
                    "Digital tools can support recycling where municipalities work with civil society and the private sector. They work best as part of a functioning collection system, not as a substitute for it.",
                ),
            ],
        },
        de={
            "title": "Nadeera – digitale Werkzeuge für das Recycling",
            "teaser": "Das libanesische Sozialunternehmen Nadeera hilft Haushalten mit digitalen Werkzeugen, ihren Abfall zu trennen und zu recyceln – 2025 vor deutschen und libanesischen Fachleuten vorgestellt.",
            "tags": ["recycling", "digitalisierung", "abfallwirtschaft"],
            "main_actors": "Nadeera (Sozialunternehmen, Libanon) mit Kommunen, Haushalten und Recyclingbetrieben.",
            "sections": [
                (
                    "overview",
                    "Nadeera ist ein Sozialunternehmen im Libanon, das Recycling mit digitalen Werkzeugen einfacher macht. Der Ansatz verbindet Haushalte, Sammler und Recyclingbetriebe und macht Abfallströme sichtbar. Im Mai 2025 stellte Nadeera seine Arbeit bei einem Online-Austausch zu Abfallwirtschaft und Digitalisierung vor.",
                ),
                (
                    "background",
                    "Der Libanon hat wiederholt Abfallkrisen erlebt, und viele recycelbare Stoffe landen auf Deponien. Den Kommunen fehlen oft Daten darüber, wie viel Abfall entsteht, getrennt und verwertet wird.",
                ),
                (
                    "objectives",
                    "Ziel sind mehr Trennung an der Quelle und höhere Recyclingquoten, wobei die Menschen für ihre Beteiligung belohnt werden.",
                ),
                (
                    "approach",
                    "Digitale Werkzeuge zeigen den Haushalten, wie sie ihren Abfall trennen, und erfassen, was gesammelt wird; die Daten helfen Kommunen und Recyclingbetrieben, ihre Leistungen zu planen.",
                ),
                (
                    "results",
                    "Bei der Online-Veranstaltung „Abfallwirtschaft und Digitalisierung“ am 28. Mai 2025 diskutierten deutsche und libanesische Fachleute, wie solche Werkzeuge die kommunale Abfallwirtschaft unterstützen können.",
                ),
                (
                    "transferability",
                    "Digitale Werkzeuge können das Recycling stärken, wo Kommunen mit Zivilgesellschaft und Privatwirtschaft zusammenarbeiten. Sie wirken am besten als Teil eines funktionierenden Sammelsystems, nicht als Ersatz dafür.",
                ),
            ],
        },
    ),
    Practice(
        slug="municipal-gis-abu-dhabi",
        cities=["abu-dhabi"],
        country="AE",
        region=MENA,
        cluster=GUG,
        field_of_action="smart-cities-digitalisation",
        sdgs=[9, 11, 16],
        en={
            "title": "Municipal GIS in Abu Dhabi",
            "teaser": "Abu Dhabi City Municipality uses a geographic information system to plan and manage its services – presented to MENA peers in an insight session in June 2025.",
            "tags": ["gis", "digitalisation", "smart city", "data"],
            "main_actors": "Abu Dhabi City Municipality.",
            "sections": [
                (
                    "overview",
                    "Abu Dhabi City Municipality has built up a municipal geographic information system (GIS) that brings together spatial data from across the administration. Planners and service departments use it to plan, monitor and inform. The municipality presented its experience in the MENA insight session 'From the Open Municipality to the Smart City' on 17 June 2025.",
                ),
                (
                    "background",
                    "Municipal services – from building permits to the maintenance of roads and utilities – depend on accurate, shared information about places. Where each department keeps its own maps, data are duplicated and decisions slowed down.",
                ),
                (
                    "objectives",
                    "A common GIS should give all departments one reliable picture of the city, support decisions with data and make information easier to share with residents and businesses.",
                ),
                (
                    "approach",
                    "Spatial data are collected, standardised and maintained in one system that departments can use for their tasks.",
                ),
                (
                    "transferability",
                    "A municipal GIS is useful for cities of every size; other cities in the network, among them Beit Jala, are building their own. Starting with a few priority datasets and clear responsibility for keeping them up to date makes the task manageable.",
                ),
            ],
        },
        de={
            "title": "Kommunales GIS in Abu Dhabi",
            "teaser": "Die Stadtverwaltung Abu Dhabi plant und steuert ihre Leistungen mit einem geografischen Informationssystem – im Juni 2025 in einer Insight Session für Kolleginnen und Kollegen aus der MENA-Region vorgestellt.",
            "tags": ["gis", "digitalisierung", "smart city", "daten"],
            "main_actors": "Stadtverwaltung Abu Dhabi (Abu Dhabi City Municipality).",
            "sections": [
                (
                    "overview",
                    "Die Stadtverwaltung Abu Dhabi hat ein kommunales geografisches Informationssystem (GIS) aufgebaut, das räumliche Daten aus der ganzen Verwaltung zusammenführt. Planung und Fachämter nutzen es, um zu planen, zu überwachen und zu informieren. Die Stadt stellte ihre Erfahrungen am 17. Juni 2025 in der MENA-Insight-Session „Von der offenen Kommune zur Smart City“ vor.",
                ),
                (
                    "background",
                    "Kommunale Leistungen – von Baugenehmigungen bis zum Unterhalt von Straßen und Leitungen – hängen von genauen, gemeinsam genutzten Informationen über Orte ab. Führt jedes Amt eigene Karten, entstehen doppelte Daten und langsamere Entscheidungen.",
                ),
                (
                    "objectives",
                    "Ein gemeinsames GIS soll allen Ämtern ein verlässliches Bild der Stadt geben, Entscheidungen mit Daten stützen und Informationen leichter mit Bevölkerung und Unternehmen teilen.",
                ),
                (
                    "approach",
                    "Räumliche Daten werden in einem System erfasst, vereinheitlicht und gepflegt, das die Ämter für ihre Aufgaben nutzen können.",
                ),
                (
                    "transferability",
                    "Ein kommunales GIS ist für Städte jeder Größe nützlich; andere Städte im Netzwerk, darunter Beit Jala, bauen ihr eigenes auf. Wer mit wenigen vorrangigen Datensätzen und klaren Zuständigkeiten für ihre Pflege beginnt, hält die Aufgabe beherrschbar.",
                ),
            ],
        },
    ),
    Practice(
        slug="open-government-ras-el-matn",
        cities=["ras-el-matn"],
        country="LB",
        region=MENA,
        cluster=GUG,
        field_of_action="smart-cities-digitalisation",
        sdgs=[11, 16],
        en={
            "title": "Open government in Ras el-Matn",
            "teaser": "The Lebanese municipality of Ras el-Matn opens its work to citizens with digital tools – shared with MENA peers in June 2025.",
            "tags": [
                "open government",
                "participation",
                "digitalisation",
                "transparency",
            ],
            "main_actors": "Municipality of Ras el-Matn; residents.",
            "sections": [
                (
                    "overview",
                    "Ras el-Matn, a municipality in Mount Lebanon, works on making local government more open: information about decisions and services should be easy to find, and residents should be able to take part. Digital tools play an important role. The municipality presented its approach in the MENA insight session 'From the Open Municipality to the Smart City' on 17 June 2025.",
                ),
                (
                    "background",
                    "Trust in public institutions in Lebanon has suffered during years of crisis. Municipalities are the level of government closest to citizens and can rebuild trust through transparency.",
                ),
                (
                    "objectives",
                    "The municipality wants residents to know what it does and why, to reach its services easily and to contribute their own ideas.",
                ),
                (
                    "approach",
                    "Ras el-Matn uses digital channels to publish information, receive requests and stay in touch with residents, and combines them with ways of taking part in local decisions.",
                ),
                (
                    "transferability",
                    "Small municipalities can start with open government using modest digital means. The MENA network offers peers who have taken similar steps.",
                ),
            ],
        },
        de={
            "title": "Offene Verwaltung in Ras el-Matn",
            "teaser": "Die libanesische Gemeinde Ras el-Matn öffnet ihre Arbeit mit digitalen Werkzeugen für die Bürgerinnen und Bürger – im Juni 2025 mit Kolleginnen und Kollegen aus der MENA-Region geteilt.",
            "tags": [
                "open government",
                "beteiligung",
                "digitalisierung",
                "transparenz",
            ],
            "main_actors": "Gemeinde Ras el-Matn; Bürgerinnen und Bürger.",
            "sections": [
                (
                    "overview",
                    "Ras el-Matn, eine Gemeinde im Libanongebirge, arbeitet an einer offeneren Kommunalverwaltung: Informationen über Entscheidungen und Leistungen sollen leicht zu finden sein, und die Menschen sollen mitwirken können. Digitale Werkzeuge spielen dabei eine wichtige Rolle. Die Gemeinde stellte ihren Ansatz am 17. Juni 2025 in der MENA-Insight-Session „Von der offenen Kommune zur Smart City“ vor.",
                ),
                (
                    "background",
                    "Das Vertrauen in staatliche Institutionen hat im Libanon in Jahren der Krise gelitten. Die Kommunen sind die bürgernächste Ebene und können durch Transparenz Vertrauen zurückgewinnen.",
                ),
                (
                    "objectives",
                    "Die Gemeinde will, dass die Menschen wissen, was sie tut und warum, dass sie ihre Leistungen leicht erreichen und eigene Ideen einbringen können.",
                ),
                (
                    "approach",
                    "Ras el-Matn nutzt digitale Kanäle, um Informationen zu veröffentlichen, Anliegen entgegenzunehmen und mit den Menschen in Kontakt zu bleiben, und verbindet sie mit Möglichkeiten, an lokalen Entscheidungen mitzuwirken.",
                ),
                (
                    "transferability",
                    "Auch kleine Gemeinden können mit bescheidenen digitalen Mitteln offene Verwaltung beginnen. Das MENA-Netzwerk bietet Kolleginnen und Kollegen, die ähnliche Schritte gegangen sind.",
                ),
            ],
        },
    ),
    Practice(
        slug="energetika-data-centre-waste-heat-kragujevac",
        cities=["kragujevac"],
        country="RS",
        region=SEE,
        cluster=MS,
        sdgs=[7, 11, 13],
        en={
            "title": "ENERGETIKA: data-centre waste heat for district heating",
            "teaser": "In Kragujevac, the municipal energy company ENERGETIKA feeds waste heat from a data centre into the city's district heating network.",
            "tags": ["district heating", "waste heat", "energy efficiency"],
            "main_actors": "City of Kragujevac; municipal energy company ENERGETIKA.",
            "sections": [
                (
                    "overview",
                    "Data centres produce large amounts of heat that is usually released into the air. In Kragujevac, the municipal energy company ENERGETIKA uses waste heat from a data centre for the city's district heating. The practice was featured in the Connective Cities newsletter in September 2024.",
                ),
                (
                    "background",
                    "Like many cities in South-East Europe, Kragujevac heats homes through a district heating network that has long depended on fossil fuels. Rising energy prices and climate targets make every additional source of low-carbon heat valuable.",
                ),
                (
                    "objectives",
                    "The city wants to reduce the use of fossil fuels and emissions in district heating and to make use of heat that would otherwise be wasted.",
                ),
                (
                    "approach",
                    "Heat from the data centre's cooling is captured, brought to a temperature the network can use and fed into district heating.",
                ),
                (
                    "lessons",
                    "Waste heat from data centres, industry or wastewater is a local energy source that cities often overlook. A municipal utility that owns the network can bring the partners together.",
                ),
                (
                    "transferability",
                    "Cities with district heating and sources of waste heat nearby can examine similar solutions; the network's learning process on renewable energy options at municipal level offers an exchange on it.",
                ),
            ],
        },
        de={
            "title": "ENERGETIKA: Abwärme aus dem Rechenzentrum für die Fernwärme",
            "teaser": "In Kragujevac speist das kommunale Energieunternehmen ENERGETIKA Abwärme aus einem Rechenzentrum in das Fernwärmenetz der Stadt ein.",
            "tags": ["fernwärme", "abwärme", "energieeffizienz"],
            "main_actors": "Stadt Kragujevac; kommunales Energieunternehmen ENERGETIKA.",
            "sections": [
                (
                    "overview",
                    "Rechenzentren erzeugen große Mengen Wärme, die meist ungenutzt an die Luft abgegeben wird. In Kragujevac nutzt das kommunale Energieunternehmen ENERGETIKA Abwärme aus einem Rechenzentrum für die Fernwärme der Stadt. Der Connective-Cities-Newsletter stellte das Beispiel im September 2024 vor.",
                ),
                (
                    "background",
                    "Wie viele Städte in Südosteuropa heizt Kragujevac Wohnungen über ein Fernwärmenetz, das lange von fossilen Brennstoffen abhing. Steigende Energiepreise und Klimaziele machen jede zusätzliche klimafreundliche Wärmequelle wertvoll.",
                ),
                (
                    "objectives",
                    "Die Stadt will den Einsatz fossiler Brennstoffe und die Emissionen der Fernwärme senken und Wärme nutzen, die sonst verloren ginge.",
                ),
                (
                    "approach",
                    "Wärme aus der Kühlung des Rechenzentrums wird aufgefangen, auf eine für das Netz nutzbare Temperatur gebracht und in die Fernwärme eingespeist.",
                ),
                (
                    "lessons",
                    "Abwärme aus Rechenzentren, Industrie oder Abwasser ist eine lokale Energiequelle, die Städte oft übersehen. Ein kommunaler Versorger, dem das Netz gehört, kann die Partner zusammenbringen.",
                ),
                (
                    "transferability",
                    "Städte mit Fernwärme und Abwärmequellen in der Nähe können ähnliche Lösungen prüfen; der Lernprozess des Netzwerks zu erneuerbaren Energien auf kommunaler Ebene bietet dazu Austausch.",
                ),
            ],
        },
    ),
    Practice(
        slug="urban-gardens-of-amman",
        cities=["greater-amman-municipality"],
        country="JO",
        region=MENA,
        cluster=IUD,
        field_of_action="urban-gardening",
        sdgs=[2, 11],
        en={
            "title": "The urban gardens of Amman",
            "teaser": "Since the COVID-19 pandemic, Greater Amman Municipality has supported urban gardens that give residents fresh food, green space and a place to meet.",
            "tags": ["urban gardening", "food security", "community"],
            "main_actors": "Greater Amman Municipality; residents and community groups.",
            "sections": [
                (
                    "overview",
                    "During the COVID-19 pandemic, food security and access to green space became pressing concerns for many households in Amman. Greater Amman Municipality responded by promoting urban gardening in neighbourhoods and on rooftops. The gardens produce food and bring neighbours together.",
                ),
                (
                    "background",
                    "Amman is a dense, growing city in a water-scarce country, with little green space in many districts. The pandemic showed how vulnerable households are to disruptions in food supply.",
                ),
                (
                    "objectives",
                    "The gardens aim to improve food security, create green space, use water sparingly and strengthen ties within neighbourhoods.",
                ),
                (
                    "approach",
                    "The municipality supports residents and community groups in setting up gardens, with attention to water-saving irrigation and plants suited to a dry climate.",
                ),
                (
                    "lessons",
                    "Urban gardening in a dry climate needs careful water management. Gardens run by community groups last longer when the municipality provides land and advice.",
                ),
                (
                    "transferability",
                    "Cities in the MENA region and other dry climates can adapt Amman's approach. Andernach's edible city and the network's exchanges on urban gardening offer further ideas.",
                ),
            ],
        },
        de={
            "title": "Die Stadtgärten von Amman",
            "teaser": "Seit der COVID-19-Pandemie fördert die Stadtverwaltung Groß-Amman Stadtgärten, die den Menschen frische Lebensmittel, Grün und einen Treffpunkt bieten.",
            "tags": ["urban gardening", "ernährungssicherheit", "gemeinschaft"],
            "main_actors": "Stadtverwaltung Groß-Amman; Bewohnerinnen, Bewohner und Nachbarschaftsgruppen.",
            "sections": [
                (
                    "overview",
                    "Während der COVID-19-Pandemie wurden Ernährungssicherheit und der Zugang zu Grün für viele Haushalte in Amman zu drängenden Fragen. Die Stadtverwaltung Groß-Amman reagierte, indem sie das Gärtnern in den Quartieren und auf Dächern förderte. Die Gärten liefern Lebensmittel und bringen Nachbarn zusammen.",
                ),
                (
                    "background",
                    "Amman ist eine dichte, wachsende Stadt in einem wasserarmen Land, in vielen Stadtteilen mit wenig Grün. Die Pandemie zeigte, wie verletzlich Haushalte bei Störungen der Lebensmittelversorgung sind.",
                ),
                (
                    "objectives",
                    "Die Gärten sollen die Ernährungssicherheit verbessern, Grün schaffen, sparsam mit Wasser umgehen und den Zusammenhalt in der Nachbarschaft stärken.",
                ),
                (
                    "approach",
                    "Die Stadtverwaltung unterstützt Bewohnerinnen, Bewohner und Nachbarschaftsgruppen beim Anlegen von Gärten und achtet dabei auf wassersparende Bewässerung und Pflanzen, die zum trockenen Klima passen.",
                ),
                (
                    "lessons",
                    "Urban Gardening in trockenem Klima braucht ein sorgfältiges Wassermanagement. Gärten von Nachbarschaftsgruppen halten länger, wenn die Stadt Flächen und Beratung bereitstellt.",
                ),
                (
                    "transferability",
                    "Städte in der MENA-Region und anderen trockenen Klimazonen können Ammans Ansatz übernehmen. Andernachs essbare Stadt und der Austausch zu Urban Gardening im Netzwerk bieten weitere Anregungen.",
                ),
            ],
        },
    ),
]


def _html(text: str) -> str:
    return (
        "<p>"
        + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        + "</p>"
    )


def story(texts: dict, language: str, section_types: set[str]) -> list[dict]:
    """A StreamField value from a demo text: one block per section, the key figures
    where the text places them. Shared with ``projects.demo``."""
    blocks = []
    for block_type, text in texts["sections"]:
        if block_type == "figures":
            blocks.append(
                {
                    "type": "figures",
                    "value": {
                        "heading": FIGURES_HEADING[language],
                        "figures": [
                            {"value": value, "label": label}
                            for value, label in texts["figures"]
                        ],
                    },
                }
            )
        elif block_type in section_types:
            blocks.append(
                {"type": block_type, "value": {"heading": "", "text": _html(text)}}
            )
        else:
            raise ValueError(f"Unknown section {block_type!r}")
    return blocks


PRACTICE_SECTIONS = {
    "overview",
    "background",
    "objectives",
    "approach",
    "results",
    "lessons",
    "transferability",
}


def publish(page: Page) -> None:
    page.save_revision().publish()


def move_to_first(page: Page) -> Page:
    """Put ``page`` first among its siblings (first in the main menu); returns it
    fresh from the database, since moving changes its tree position."""
    first = page.get_parent().get_first_child()
    if first.pk != page.pk:
        page.move(first, pos="left")
    return type(page).objects.get(pk=page.pk)


def seed_index(home: HomePage, log) -> tuple[GoodPracticeIndexPage, Page]:
    """The knowledge base index under the English home page, and its German
    translation; both first in the menu."""
    locale_map = locales()
    index = GoodPracticeIndexPage.objects.filter(
        slug=INDEX_SLUG, locale=locale_map["en"]
    ).first()
    if index is None:
        title, intro = INDEX["en"]
        index = GoodPracticeIndexPage(
            title=title, slug=INDEX_SLUG, intro=intro, show_in_menus=True
        )
        home.add_child(instance=index)
        publish(index)
        log("good practice index created")
    index = move_to_first(index)
    translated = index.get_translation_or_none(locale_map["de"])
    if translated is None:
        translated = index.copy_for_translation(locale_map["de"])
        translated.title, translated.intro = INDEX["de"]
        publish(translated)
        log("German good practice index created")
    return index, move_to_first(translated)


def referenced_organisation_slugs() -> set[str]:
    return {slug for practice in PRACTICES for slug in practice.cities}


def _english_rows(model, key: str, locale: Locale) -> dict:
    return {getattr(row, key): row for row in model.objects.filter(locale=locale)}


def seed_practices(index: Page, log) -> None:
    """Every demo practice under ``index`` and its German translation, published."""
    locale_map = locales()
    english, german = locale_map["en"], locale_map["de"]
    clusters = _english_rows(Cluster, "slug", english)
    fields = _english_rows(FieldOfAction, "slug", english)
    regions = _english_rows(Region, "slug", english)
    sdgs = _english_rows(SDG, "number", english)
    organisations = Organisation.objects.in_bulk(
        referenced_organisation_slugs(), field_name="slug"
    )
    missing = referenced_organisation_slugs() - set(organisations)
    if missing:
        log(f"organisations not found, not linked: {', '.join(sorted(missing))}")
    created = 0
    for practice in PRACTICES:
        page = GoodPracticePage.objects.filter(
            slug=practice.slug, locale=english
        ).first()
        if page is None:
            texts = practice.en
            page = GoodPracticePage(
                title=texts["title"],
                slug=practice.slug,
                teaser=texts["teaser"],
                country=practice.country,
                region=regions[practice.region],
                cluster=clusters[practice.cluster],
                field_of_action=fields.get(practice.field_of_action),
                status=practice.status,
                start_year=practice.start_year,
                end_year=practice.end_year,
                scale=practice.scale,
                main_actors=texts.get("main_actors", ""),
                originally_published_by=practice.originally_published_by,
                body=story(texts, "en", PRACTICE_SECTIONS),
            )
            page.cities.set(
                [
                    organisations[slug]
                    for slug in practice.cities
                    if slug in organisations
                ]
            )
            page.sdgs.set([sdgs[number] for number in practice.sdgs])
            page.tags.set(texts["tags"])
            index.add_child(instance=page)
            publish(page)
            created += 1
        if page.get_translation_or_none(german) is None:
            texts = practice.de
            translated = page.copy_for_translation(german)
            translated.title = texts["title"]
            translated.teaser = texts["teaser"]
            translated.main_actors = texts.get("main_actors", "")
            translated.body = story(texts, "de", PRACTICE_SECTIONS)
            translated.tags.set(texts["tags"])
            publish(translated)
    if created:
        log(f"{created} good practices created")
    log(f"{GoodPracticePage.objects.live().count()} live good practice pages")


def seed(log) -> None:
    home = HomePage.objects.filter(locale=locales()["en"]).first()
    if home is None:
        log("no home page yet: knowledge base skipped")
        return
    index, _translated = seed_index(home, log)
    seed_practices(index, log)
