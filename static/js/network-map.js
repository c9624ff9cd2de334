/* Maps of network cities: the directory and the knowledge-base listings.

   A map section ([data-map-section], templates/includes/city_map.html) is hidden in
   the HTML: without JavaScript the list next to it is the page. This script shows
   the section with its picture (drawn on the server) and a "Show the interactive
   map" button. Only a press on the button loads Leaflet (its stylesheet and script,
   data-leaflet-css and data-leaflet-js) and the countries (data-base-layer, GeoJSON
   from the shapes the site ships), so a visitor who never opens the map never
   downloads them.

   The countries are drawn in a pane under the tiles: the map shows the world at
   once and when the tile server cannot be reached, and the tiles cover it as they
   arrive. The points come from the <script type="application/json"> named by
   data-points: {name, url, lat, lon, label?, count?}. Points at one place (two
   decimals, about a kilometre) share one marker showing how many results are
   there, and so do places whose markers would overlap at the current zoom; its
   popup links each of them. Markers are 32 px across (WCAG 2.2 asks for 24) and
   stay out of the tab order: the list has the same links, and a link before the
   map skips it. */
(function () {
  "use strict";

  var MARKER_PX = 32;
  var leaflet = null;

  function load(element) {
    return new Promise(function (resolve, reject) {
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function loadLeaflet(section) {
    if (leaflet) {
      return leaflet;
    }
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = section.dataset.leafletCss;
    var script = document.createElement("script");
    script.src = section.dataset.leafletJs;
    leaflet = Promise.all([load(style), load(script)]).then(function () {
      return window.L;
    });
    return leaflet;
  }

  function baseLayer(container) {
    return fetch(container.dataset.baseLayer, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  // Points at the same place, in the order of the list.
  function groupByPlace(points) {
    var places = {};
    var groups = [];
    points.forEach(function (point) {
      var key = point.lat.toFixed(2) + "," + point.lon.toFixed(2);
      if (!places[key]) {
        places[key] = { lat: point.lat, lon: point.lon, items: [], count: 0 };
        groups.push(places[key]);
      }
      places[key].items.push(point);
      places[key].count += point.count || 1;
    });
    return groups;
  }

  // Built with DOM methods: names come from the database, never parsed as HTML.
  function popupFor(cluster) {
    var list = document.createElement("ul");
    list.className = "city-map__popup";
    cluster.items.forEach(function (point) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      item.appendChild(link);
      if (point.label) {
        item.appendChild(document.createElement("br"));
        item.appendChild(document.createTextNode(point.label));
      }
      list.appendChild(item);
    });
    return list;
  }

  // Places whose markers would overlap at the map's zoom share one marker, so
  // every marker can be seen and hit; zooming in separates them again.
  function clusterByPixels(map, groups) {
    var clusters = [];
    groups.forEach(function (group) {
      var point = map.latLngToLayerPoint([group.lat, group.lon]);
      for (var index = 0; index < clusters.length; index += 1) {
        if (clusters[index].point.distanceTo(point) < MARKER_PX) {
          clusters[index].items = clusters[index].items.concat(group.items);
          clusters[index].count += group.count;
          return;
        }
      }
      clusters.push({ point: point, lat: group.lat, lon: group.lon, items: group.items.slice(), count: group.count });
    });
    return clusters;
  }

  function iconFor(L, cluster) {
    var badge = document.createElement("span");
    badge.className = "city-map__count";
    if (cluster.count > 1) {
      badge.textContent = String(cluster.count);
    }
    return L.divIcon({
      className: "city-map__marker",
      html: badge,
      iconSize: [MARKER_PX, MARKER_PX],
      iconAnchor: [MARKER_PX / 2, MARKER_PX / 2],
      popupAnchor: [0, -MARKER_PX / 2 + 2],
    });
  }

  function titleFor(cluster) {
    return cluster.items
      .map(function (point) {
        return point.label ? point.name + ": " + point.label : point.name;
      })
      .join("; ");
  }

  function draw(L, container, countries) {
    var points = JSON.parse(document.getElementById(container.dataset.points).textContent);
    var map = L.map(container, { scrollWheelZoom: false });
    map.createPane("countries");
    map.getPane("countries").style.zIndex = "150";
    if (countries) {
      L.geoJSON(countries, {
        pane: "countries",
        interactive: false,
        style: { color: "#b9c1c6", weight: 0.75, fillColor: "#eeede8", fillOpacity: 1 },
      }).addTo(map);
    }
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
      // The site sends no referrer to other origins; OpenStreetMap's tile policy
      // asks for one, so tiles send the origin only.
      referrerPolicy: "strict-origin-when-cross-origin",
    }).addTo(map);

    var groups = groupByPlace(points);
    var markers = L.layerGroup().addTo(map);
    function placeMarkers() {
      markers.clearLayers();
      clusterByPixels(map, groups).forEach(function (cluster) {
        L.marker([cluster.lat, cluster.lon], {
          icon: iconFor(L, cluster),
          title: titleFor(cluster),
          keyboard: false,
        })
          .bindPopup(popupFor(cluster))
          .addTo(markers);
      });
    }
    map.on("zoomend", placeMarkers);
    map.fitBounds(
      groups.map(function (group) {
        return [group.lat, group.lon];
      }),
      { padding: [MARKER_PX, MARKER_PX], maxZoom: 9 }
    );
    placeMarkers();
    return map;
  }

  function open(section, button, container) {
    button.setAttribute("aria-busy", "true");
    return Promise.all([loadLeaflet(section), baseLayer(container)]).then(
      function (loaded) {
        button.removeAttribute("aria-busy");
        if (button.getAttribute("aria-expanded") !== "true") {
          return; // Closed again while loading.
        }
        container.hidden = false;
        if (!container.cityMap) {
          container.cityMap = draw(loaded[0], container, loaded[1]);
        } else {
          container.cityMap.invalidateSize();
        }
      },
      function () {
        button.removeAttribute("aria-busy");
      }
    );
  }

  function setUp(section) {
    var button = section.querySelector("[data-map-toggle]");
    var preview = section.querySelector("[data-map-preview]");
    var container = section.querySelector("[data-city-map]");
    var showLabel = button.textContent;
    section.hidden = false;
    button.addEventListener("click", function () {
      var opening = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(opening));
      button.textContent = opening ? button.dataset.labelHide : showLabel;
      if (preview) {
        preview.hidden = opening;
      }
      if (opening) {
        open(section, button, container);
      } else {
        container.hidden = true;
      }
    });
  }

  if (!("Promise" in window) || !("fetch" in window)) {
    return; // Very old browsers keep the list, which holds everything.
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-map-section]"), setUp);
})();
