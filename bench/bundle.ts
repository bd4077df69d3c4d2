import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * What the browser downloads, read from a finished `next build`: each page's first-load JavaScript (gzip, as served)
 * from Next's route-bundle-stats, and the lazy chunks that carry Monaco and the action catalogue, which only the
 * policy editor loads. `npm run bench:bundle [distDir]` (default .next, or CLEF_DIST_DIR).
 */
type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const distDir = process.argv[2] ?? process.env.CLEF_DIST_DIR ?? ".next";
const statsFile = join(distDir, "diagnostics", "route-bundle-stats.json");
if (!existsSync(statsFile)) {
  console.error(`No ${statsFile}: run \`npx next build\` first.`);
  process.exit(1);
}

const gzipped = new Map<string, number>();
// Chunk paths are relative to the project folder and start with the build folder's name.
const chunkPath = (p: string) => join(dirname(distDir), p);
const gzipSize = (p: string) => {
  let size = gzipped.get(p);
  if (size === undefined) gzipped.set(p, (size = gzipSync(readFileSync(p), { level: 9 }).length));
  return size;
};
const kB = (n: number) => (n / 1024).toFixed(1);

const routes: RouteStats[] = JSON.parse(readFileSync(statsFile, "utf8"));
const pages = routes
  .filter((r) => !r.route.startsWith("/api/") && r.firstLoadChunkPaths.length)
  .map((r) => ({
    route: r.route,
    raw: r.firstLoadUncompressedJsBytes,
    gzip: r.firstLoadChunkPaths.reduce((n, p) => n + gzipSize(chunkPath(p)), 0),
  }))
  .sort((a, b) => b.gzip - a.gzip);

const firstLoad = new Set(routes.flatMap((r) => r.firstLoadChunkPaths.map(chunkPath)));
const chunksDir = join(distDir, "static", "chunks");
const lazy = readdirSync(chunksDir)
  .filter((f) => f.endsWith(".js"))
  .map((f) => join(chunksDir, f))
  .filter((p) => !firstLoad.has(p));
const MARKERS: [string, RegExp][] = [
  ["action catalogue", /"globalConditionKeys"/],
  ["monaco-editor", /monaco-editor|MonacoEnvironment/],
];
const lazyParts = MARKERS.map(([name, marker]) => {
  const files = lazy.filter((p) => marker.test(readFileSync(p, "utf8")));
  return { name, files: files.length, gzip: files.reduce((n, p) => n + gzipSize(p), 0) };
});

console.log(`First-load JavaScript per page (${distDir}, gzip level 9)\n`);
console.log(["page".padEnd(56), "raw kB".padStart(9), "gzip kB".padStart(9)].join(""));
for (const p of pages) console.log([p.route.padEnd(56), kB(p.raw).padStart(9), kB(p.gzip).padStart(9)].join(""));
const sizes = pages.map((p) => p.gzip).sort((a, b) => a - b);
console.log(
  `\n${pages.length} pages: smallest ${kB(sizes[0])} kB, median ${kB(sizes[Math.floor(sizes.length / 2)])} kB, largest ${kB(sizes.at(-1)!)} kB`,
);
console.log("\nLoaded only with the policy editor (lazy chunks, never in a page's first load):");
for (const part of lazyParts) console.log(`  ${part.name}: ${part.files} chunk(s), ${kB(part.gzip)} kB gzip`);
const leaked = pages.filter((p) =>
  routes
    .find((r) => r.route === p.route)!
    .firstLoadChunkPaths.some((c) => /"globalConditionKeys"/.test(readFileSync(chunkPath(c), "utf8"))),
);
console.log(
  leaked.length
    ? `\nThe catalogue is in the first load of: ${leaked.map((p) => p.route).join(", ")}`
    : "\nNo page loads the catalogue up front.",
);
