"""Maps drawn from the country shapes the project ships (``data/``): locator maps
as SVG on the server (``locator``) and the interactive maps' offline base layer
(``views.base_layer``). No tile server, no upload and no JavaScript is needed for a
page to have a map picture."""
