// The map page: Leaflet (served from this server's /static/vendor, installed by `make install`) over the
// world's country outlines, with an optional tile layer (ACCORD_TILE_URL), and the register's entities from
// /api/geojson: points for places, lines for railways and corridors, coloured by current stage.
// Names are shown with textContent only: they come from documents and the knowledge base, and stay text.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") {
    return;
  }
  var colours = {
    discussed: "#8a8a8a", planned: "#d4a400", agreed: "#1f78b4", underway: "#33a02c", completed: "#11602a"
  };
  var map = L.map(element, { worldCopyJump: true }).setView([45, 60], 3);
  var tiles = element.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
  }

  function popup(feature) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/entities/" + encodeURIComponent(feature.properties.id);
    link.textContent = feature.properties.name;
    var detail = document.createElement("div");
    detail.textContent = (feature.properties.current_stage || "no stage") + " · " + feature.properties.items + " mentions";
    box.appendChild(link);
    box.appendChild(detail);
    return box;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + " answered " + response.status);
      }
      return response.json();
    });
  }

  json(element.dataset.countries).then(function (countries) {
    L.geoJSON(countries, {
      style: { color: "#7a8fb0", weight: 1, fillColor: "#eef1f5", fillOpacity: tiles ? 0 : 1 }, interactive: false
    }).addTo(map).bringToBack();
  }).catch(function () { /* outlines are a backdrop: the features still show without them */ });

  json(element.dataset.geojson).then(function (collection) {
    var layer = L.geoJSON(collection, {
      pointToLayer: function (feature, at) {
        var colour = colours[feature.properties.current_stage] || "#555";
        return L.circleMarker(at, { radius: 7, color: "#222", weight: 1, fillColor: colour, fillOpacity: 0.9 });
      },
      style: function (feature) {
        return { color: colours[feature.properties.current_stage] || "#555", weight: 4 };
      },
      onEachFeature: function (feature, each) {
        each.bindPopup(function () { return popup(feature); });
      }
    }).addTo(map);
    if (collection.features.length) {
      map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 6 });
    }
    element.dataset.features = String(collection.features.length);
  }).catch(function (error) {
    element.dataset.error = String(error);
  });
})();
