import { readFileSync } from "node:fs";
import { BuildReader, LAZY_PARTS, kB } from "../scripts/bundle-stats";

/**
 * What the browser downloads, read from a finished `next build`: each page's first-load JavaScript (gzip, as served)
 * and the lazy chunks that carry Monaco and the action catalogue, which only the policy editor loads.
 * `npm run bench:bundle [distDir]` (default .next, or CLEF_DIST_DIR).
 */
const build = new BuildReader(process.argv[2] ?? process.env.CLEF_DIST_DIR ?? ".next");
if (!build.exists()) {
  console.error(`No ${build.statsFile}: run \`npx next build\` first.`);
  process.exit(1);
}

const pages = build.pages();
const lazy = build.lazyChunks(pages);
const lazyParts = LAZY_PARTS.map(([name, marker]) => {
  const files = lazy.filter((p) => marker.test(readFileSync(p, "utf8")));
  return { name, files: files.length, gzip: files.reduce((n, p) => n + build.gzipSize(p), 0) };
});

console.log(`First-load JavaScript per page (${build.distDir}, gzip level 9)\n`);
console.log(["page".padEnd(56), "raw kB".padStart(9), "gzip kB".padStart(9)].join(""));
for (const p of pages) console.log([p.route.padEnd(56), kB(p.raw).padStart(9), kB(p.gzip).padStart(9)].join(""));
const sizes = pages.map((p) => p.gzip).sort((a, b) => a - b);
console.log(
  `\n${pages.length} pages: smallest ${kB(sizes[0])} kB, median ${kB(sizes[Math.floor(sizes.length / 2)])} kB, largest ${kB(sizes.at(-1)!)} kB`,
);
console.log("\nLoaded only with the policy editor (lazy chunks, never in a page's first load):");
for (const part of lazyParts) console.log(`  ${part.name}: ${part.files} chunk(s), ${kB(part.gzip)} kB gzip`);
const leaked = pages.filter((p) => build.lazyPartsIn(p).includes("action catalogue"));
console.log(
  leaked.length
    ? `\nThe catalogue is in the first load of: ${leaked.map((p) => p.route).join(", ")}`
    : "\nNo page loads the catalogue up front.",
);
