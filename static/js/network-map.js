/* Maps of network cities: the directory and the knowledge-base listings.

   Every element with data-city-map becomes a Leaflet map. Its data-points attribute
   names a <script type="application/json"> (Django's json_script) holding the points:
   {name, url, lat, lon, label?}. One marker per point, with a popup linking to the
   point's page. The pages work without this script: the map section stays hidden and
   the list next to it shows every result. */
(function () {
  "use strict";

  if (typeof window.L === "undefined") {
    return;
  }
  var L = window.L;

  function draw(container) {
    var data = document.getElementById(container.dataset.points);
    if (!data) {
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

    var map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
      // The site sends no referrer to other origins; OpenStreetMap's tile policy
      // asks for one, so tiles send the origin only.
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
      // Built with DOM methods: names come from the database, never parsed as HTML.
      var popup = document.createElement("p");
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      popup.appendChild(link);
      var title = point.name;
      if (point.label) {
        popup.appendChild(document.createElement("br"));
        popup.appendChild(document.createTextNode(point.label));
        title = point.name + ": " + point.label;
      }
      // One marker per city (the server groups the results by city). Markers stay
      // out of the tab order: the list next to the map has the same links.
      L.marker([point.lat, point.lon], { icon: icon, title: title, alt: title, keyboard: false })
        .bindPopup(popup)
        .addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 9 });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-city-map]"), draw);
})();
