/* The site's interactive maps: Leaflet over the Natural Earth outlines the site ships
   (assets/world.js); no tiles, nothing fetched, and it works from disk.
   Each <div class="leaflet-map" data-map='{"bounds": ..., "points": [...]}'> holds the
   static SVG map; this script replaces it with a map to pan and zoom, opened on the same
   frame, with clustered markers whose popups link onwards. Without JavaScript, or
   without Leaflet, the SVG stays. Popups are built as DOM nodes: article text is never
   parsed as HTML. */
(function () {
  "use strict";

  function popup(p) {
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = p.name;
    box.appendChild(name);
    if (p.note) {
      var note = document.createElement("div");
      note.className = "map-popup-note";
      note.textContent = p.note;
      box.appendChild(note);
    }
    if (p.links && p.links.length) {
      var list = document.createElement("ul");
      p.links.forEach(function (link) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.textContent = link[0];
        a.setAttribute("href", link[1]);
        item.appendChild(a);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    return box;
  }

  function mount(el) {
    var spec;
    try {
      spec = JSON.parse(el.getAttribute("data-map") || "{}");
    } catch (e) {
      return;
    }
    var points = spec.points || [];
    var source = el.getAttribute("data-source");
    if (source && window[source]) points = window[source];
    el.innerHTML = "";
    el.classList.add("leaflet-live");
    var map = L.map(el, {worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 12});
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a> · Natural Earth · places: GeoNames (CC BY 4.0)');
    if (window.BRIEFING_WORLD) {
      L.geoJSON(window.BRIEFING_WORLD, {
        interactive: false,
        style: {color: "#9a9a9a", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}
      }).addTo(map);
    }
    var layer = L.markerClusterGroup
      ? L.markerClusterGroup({maxClusterRadius: 35, showCoverageOnHover: false, spiderfyOnMaxZoom: true})
      : L.layerGroup();
    points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: p.key ? 7 : 5, color: "#ffffff", weight: 1.5, fillColor: p.colour || "#1a3a5c", fillOpacity: 0.9
      });
      marker.bindPopup(popup(p));
      marker.bindTooltip(p.name);
      layer.addLayer(marker);
    });
    map.addLayer(layer);
    if (spec.bounds) {
      map.fitBounds(spec.bounds, {padding: [12, 12], maxZoom: 9});
    } else {
      map.setView([20, 0], 2);
    }
    el.leafletMap = map;            // for tests and for readers' own scripts
  }

  function start() {
    if (!window.L) return;
    var maps = document.querySelectorAll(".leaflet-map");
    for (var i = 0; i < maps.length; i++) mount(maps[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
