// Builds dist/, the files `newswire serve` serves under /dashboard: the page's
// own sources and uPlot's browser build (from node_modules, installed by
// `npm ci` from package-lock.json), with uPlot's licence.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const here = new URL(".", import.meta.url);
const dist = new URL("dist/", here);
const files = [
  ...readdirSync(new URL("src/", here)).map((name) => [`src/${name}`, name]),
  ["node_modules/uplot/dist/uPlot.iife.min.js", "uPlot.iife.min.js"],
  ["node_modules/uplot/dist/uPlot.min.css", "uPlot.min.css"],
  ["node_modules/uplot/LICENSE", "uPlot.LICENSE.txt"],
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
for (const [from, to] of files) {
  copyFileSync(new URL(from, here), new URL(to, dist));
}
writeFileSync(new URL(".built", dist), "");
console.log(`built ${files.length} files into ${dist.pathname}`);
