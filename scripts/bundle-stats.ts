import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * What the browser downloads, read from a finished `next build`: each page's first-load JavaScript (gzip level 9, as
 * served) from Next's route-bundle-stats, and the chunks no page loads up front. Shared by `npm run bench:bundle` and
 * `npm run check:bundle`.
 */
type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
export type PageWeight = { route: string; raw: number; gzip: number; chunks: string[] };

/** Parts only the policy editor loads, recognised by a string their chunks carry. */
export const LAZY_PARTS: [string, RegExp][] = [
  ["action catalogue", /"globalConditionKeys"/],
  ["monaco-editor", /monaco-editor|MonacoEnvironment/],
];

export const kB = (bytes: number) => (bytes / 1024).toFixed(1);

export class BuildReader {
  private readonly gzipped = new Map<string, number>();
  readonly statsFile: string;

  constructor(readonly distDir: string) {
    this.statsFile = join(distDir, "diagnostics", "route-bundle-stats.json");
  }

  exists() {
    return existsSync(this.statsFile);
  }

  /** Chunk paths in the stats are relative to the project folder and start with the build folder's name. */
  chunkPath(p: string) {
    return join(dirname(this.distDir), p);
  }

  gzipSize(path: string) {
    let size = this.gzipped.get(path);
    if (size === undefined) this.gzipped.set(path, (size = gzipSync(readFileSync(path), { level: 9 }).length));
    return size;
  }

  /** Every page (not route handlers) with its first-load JavaScript, heaviest first. */
  pages(): PageWeight[] {
    const routes: RouteStats[] = JSON.parse(readFileSync(this.statsFile, "utf8"));
    return routes
      .filter((r) => !r.route.startsWith("/api/") && r.firstLoadChunkPaths.length)
      .map((r) => {
        const chunks = r.firstLoadChunkPaths.map((p) => this.chunkPath(p));
        return { route: r.route, raw: r.firstLoadUncompressedJsBytes, gzip: chunks.reduce((n, p) => n + this.gzipSize(p), 0), chunks };
      })
      .sort((a, b) => b.gzip - a.gzip);
  }

  /** The built JavaScript chunks that are in no page's first load. */
  lazyChunks(pages: PageWeight[]) {
    const firstLoad = new Set(pages.flatMap((p) => p.chunks));
    const chunksDir = join(this.distDir, "static", "chunks");
    return readdirSync(chunksDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => join(chunksDir, f))
      .filter((p) => !firstLoad.has(p));
  }

  /** Which of LAZY_PARTS a page's first load carries. */
  lazyPartsIn(page: PageWeight) {
    return LAZY_PARTS.filter(([, marker]) => page.chunks.some((c) => marker.test(readFileSync(c, "utf8")))).map(([name]) => name);
  }
}
