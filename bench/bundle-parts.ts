import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { BuildReader, kB } from "../scripts/bundle-stats";

/**
 * Which modules weigh what in a page's first-load JavaScript, from a build with browser source maps
 * (`CLEF_SOURCE_MAPS=1 CLEF_DIST_DIR=<dir> npx next build`). Each chunk's gzip size is shared among the sources its
 * bytes map to, in proportion to those bytes (an estimate: gzip does not compress every module alike).
 * `npx tsx bench/bundle-parts.ts <distDir> [route...] [--depth=N]`: the routes' first load, grouped by package (or by
 * source folder, N levels deep), heaviest first; with several routes, each group's weight on each.
 */
const args = process.argv.slice(2);
const depth = Number(args.find((a) => a.startsWith("--depth="))?.slice(8) ?? 1);
const [distDir, ...routes] = args.filter((a) => !a.startsWith("--"));
const build = new BuildReader(distDir ?? process.env.CLEF_DIST_DIR ?? ".next");
if (!build.exists()) {
  console.error(`No ${build.statsFile}: run \`npx next build\` first.`);
  process.exit(1);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

type RawMap = { sources?: string[]; mappings?: string; sections?: { offset: { line: number; column: number }; map: RawMap }[] };

/** Bytes of generated code per source, walking a (possibly sectioned) v3 source map over the chunk's lines. */
function bytesPerSource(map: RawMap, lines: string[], lineOffset: number, colOffset: number, into: Map<string, number>) {
  if (map.sections) {
    const sections = map.sections;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i];
      bytesPerSource(s.map, lines, lineOffset + s.offset.line, colOffset + s.offset.column, into);
    }
    return;
  }
  const sources = map.sources ?? [];
  let source = 0;
  const mappings = map.mappings ?? "";
  let line = lineOffset;
  let segStart = -1;
  let segSource = -1;
  let col = 0;
  const flush = (end: number) => {
    if (segStart >= 0 && segSource >= 0) {
      const name = sources[segSource] ?? "?";
      into.set(name, (into.get(name) ?? 0) + Math.max(0, end - segStart));
    }
  };
  let i = 0;
  while (i < mappings.length) {
    const c = mappings[i];
    if (c === ";") {
      flush(lines[line]?.length ?? 0);
      segStart = -1;
      line++;
      col = 0;
      i++;
      continue;
    }
    if (c === ",") {
      i++;
      continue;
    }
    const fields: number[] = [];
    while (i < mappings.length && mappings[i] !== "," && mappings[i] !== ";") {
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        digit = DIGIT.get(mappings[i++])!;
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    col += fields[0];
    const at = (line === lineOffset ? colOffset : 0) + col;
    flush(at);
    segStart = at;
    if (fields.length > 1) {
      source += fields[1];
      segSource = source;
    } else segSource = -1;
  }
  flush(lines[line]?.length ?? 0);
}

/** A source's group: its npm package, or its first `depth` folders in the project. */
function group(source: string) {
  const path = decodeURIComponent(source).replace(/^.*?(\[project\]\/|turbopack:\/\/\/)/, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + 13).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    const inner = rest.slice(rest[0].startsWith("@") ? 2 : 1, (rest[0].startsWith("@") ? 2 : 1) + depth - 1);
    return [pkg, ...inner].join("/");
  }
  return path.split("/").slice(0, depth).join("/");
}

const chunkParts = new Map<string, Map<string, number>>();
function partsOf(chunk: string) {
  let parts = chunkParts.get(chunk);
  if (parts) return parts;
  const code = readFileSync(chunk, "utf8");
  const bySource = new Map<string, number>();
  const mapFile = join(dirname(chunk), /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1] ?? `${basename(chunk)}.map`);
  if (existsSync(mapFile)) bytesPerSource(JSON.parse(readFileSync(mapFile, "utf8")), code.split("\n"), 0, 0, bySource);
  const mapped = [...bySource.values()].reduce((a, b) => a + b, 0);
  const gzip = build.gzipSize(chunk);
  parts = new Map();
  for (const [source, bytes] of bySource) {
    const g = group(source);
    parts.set(g, (parts.get(g) ?? 0) + (gzip * bytes) / code.length);
  }
  parts.set("(unmapped)", (parts.get("(unmapped)") ?? 0) + (gzip * (code.length - mapped)) / code.length);
  chunkParts.set(chunk, parts);
  return parts;
}

const pages = build.pages().filter((p) => !routes.length || routes.includes(p.route));
const table = new Map<string, number[]>();
pages.forEach((page, i) => {
  for (const chunk of page.chunks)
    for (const [g, size] of partsOf(chunk)) {
      const row = table.get(g) ?? pages.map(() => 0);
      row[i] += size;
      table.set(g, row);
    }
});
const rows = [...table].sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]));
const width = Math.max(...rows.map(([g]) => g.length), 10) + 2;
console.log(["part".padEnd(width), ...pages.map((p) => p.route.slice(-22).padStart(24))].join(""));
console.log(["(total)".padEnd(width), ...pages.map((p) => kB(p.gzip).padStart(24))].join(""));
for (const [g, sizes] of rows)
  if (Math.max(...sizes) >= 256) console.log([g.padEnd(width), ...sizes.map((s) => kB(s).padStart(24))].join(""));
