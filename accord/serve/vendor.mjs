// The map's browser assets, copied out of node_modules into accord/serve/static/vendor/ (`npm run vendor`,
// which `make install` runs after `npm ci`): Leaflet's script, style sheet and marker images, and the
// world's country outlines (world-atlas countries-110m TopoJSON) converted once to GeoJSON, so that the
// map draws borders with no tile server. The server reads nothing from node_modules itself.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const modules = join(root, "node_modules");
const vendor = join(here, "static", "vendor");

rmSync(vendor, { recursive: true, force: true });
mkdirSync(join(vendor, "leaflet", "images"), { recursive: true });

const leaflet = join(modules, "leaflet", "dist");
for (const name of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(leaflet, name), join(vendor, "leaflet", name));
}
for (const name of readdirSync(join(leaflet, "images"))) {
  copyFileSync(join(leaflet, "images", name), join(vendor, "leaflet", "images", name));
}

const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-110m.json"), "utf8"));
const countries = feature(topology, topology.objects.countries);
writeFileSync(join(vendor, "countries.geo.json"), JSON.stringify(countries));
console.log(`vendor assets in ${vendor}: Leaflet, ${countries.features.length} country outlines`);
