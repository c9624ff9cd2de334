/* Map of the cities among the results of a knowledge-base listing (good practices,
   supported projects). Reads the points from <script type="application/json"
   id="knowledge-map-data"> (Django's json_script): one marker per city, with a popup
   linking to the results of that city. The page works without this script: the
   section stays hidden and the list next to it shows every result. */
(function () {
  "use strict";

  var container = document.getElementById("knowledge-map");
  var data = document.getElementById("knowledge-map-data");
  if (!container || !data || typeof window.L === "undefined") {
    return;
  }
  var points = JSON.parse(data.textContent);
  if (!points.length) {
    return;
  }
  var section = container.closest("[data-map-section]");
  if (section) {
    section.hidden = false;
  }

  var L = window.L;
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tiles, {
    maxZoom: 18,
    attribution: container.dataset.attribution,
    // OpenStreetMap's tile policy asks for a referrer; send the origin only.
    referrerPolicy: "strict-origin-when-cross-origin",
  }).addTo(map);

  // Explicit icon URLs: Leaflet guesses them from its CSS, which fails once static
  // files have hashed names in production.
  var icon = L.icon({
    iconUrl: container.dataset.icon,
    iconRetinaUrl: container.dataset.iconRetina,
    shadowUrl: container.dataset.iconShadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  var bounds = [];
  points.forEach(function (point) {
    // Built with DOM methods: names come from the database and are never parsed as HTML.
    var popup = document.createElement("p");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    popup.appendChild(link);
    popup.appendChild(document.createElement("br"));
    popup.appendChild(document.createTextNode(point.label));
    var title = point.name + ": " + point.label;
    L.marker([point.lat, point.lon], { icon: icon, title: title, alt: title })
      .bindPopup(popup)
      .addTo(map);
    bounds.push([point.lat, point.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 9 });
})();
