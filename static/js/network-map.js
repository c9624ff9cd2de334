/* Map of member cities on the network directory.
   Reads the points from <script type="application/json" id="map-data"> (Django's
   json_script) and draws one marker per city with a popup linking to its profile.
   The page works without this script: the section stays hidden and the list below
   it shows the same organisations. */
(function () {
  "use strict";

  var container = document.getElementById("network-map");
  var data = document.getElementById("map-data");
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
    // The site sends no referrer to other origins; OpenStreetMap's tile policy
    // asks for one, so tiles send the origin only.
    referrerPolicy: "strict-origin-when-cross-origin",
  }).addTo(map);

  // Explicit icon URLs: Leaflet guesses them from its CSS, which fails once the
  // static files have hashed names in production.
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
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    L.marker([point.lat, point.lon], { icon: icon, title: point.name, alt: point.name })
      .bindPopup(link)
      .addTo(map);
    bounds.push([point.lat, point.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 9 });
})();
