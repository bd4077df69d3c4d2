import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What `next build` reads: the console's sources and settings. local-aws runs from source, so it is not among them. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "proxy.ts",
  "next.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

export type BuildState = { state: "missing" } | { state: "fresh" } | { state: "stale"; changed: string[] };

/** Files and folders under `path` modified after `since` (a folder's own time changes when an entry is added or removed). */
function changedSince(root: string, path: string, since: number): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  const stat = statSync(full);
  const own = stat.mtimeMs > since ? [path] : [];
  if (!stat.isDirectory()) return own;
  return [...own, ...readdirSync(full).flatMap((entry) => changedSince(root, join(path, entry), since))];
}

/**
 * Whether the build in `distDir` is of the current sources: any build input modified after its BUILD_ID was written
 * (a `git pull`, a checkout, an edit, a deleted file) makes it stale. Modification times, not contents: a touched file
 * costs a rebuild, never a stale console, and checking a thousand files takes milliseconds.
 */
export function buildState(root: string, distDir: string): BuildState {
  const buildId = join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return { state: "missing" };
  const builtAt = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.flatMap((input) => changedSince(root, input, builtAt));
  return changed.length ? { state: "stale", changed } : { state: "fresh" };
}
