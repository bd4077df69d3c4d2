import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildState } from "../../scripts/build-freshness";

describe("buildState: whether `npm start` may serve the build it finds", () => {
  let root: string;
  const HOUR = 3_600_000;
  const at = (path: string, time: number) => utimesSync(join(root, path), time / 1000, time / 1000);
  const write = (path: string, time: number) => (writeFileSync(join(root, path), "x"), at(path, time));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "clef-build-"));
    for (const dir of ["app", "components/users", "lib", "local-aws", ".next"]) mkdirSync(join(root, dir), { recursive: true });
    const before = Date.now() - 2 * HOUR;
    for (const file of ["app/page.tsx", "components/users/table.tsx", "lib/api.ts", "package.json", "local-aws/app.ts"])
      write(file, before);
    for (const dir of ["app", "components", "components/users", "lib", "local-aws"]) at(dir, before);
    write(".next/BUILD_ID", Date.now() - HOUR);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("no BUILD_ID: missing", () => {
    unlinkSync(join(root, ".next/BUILD_ID"));
    assert.deepEqual(buildState(root, ".next"), { state: "missing" });
  });

  it("every source older than the build: fresh", () => {
    assert.deepEqual(buildState(root, ".next"), { state: "fresh" });
  });

  it("a source changed after the build (git pull): stale, naming it", () => {
    write("components/users/table.tsx", Date.now());
    assert.deepEqual(buildState(root, ".next"), { state: "stale", changed: ["components/users/table.tsx"] });
  });

  it("a source deleted after the build: stale, by its folder", () => {
    unlinkSync(join(root, "lib/api.ts"));
    assert.deepEqual(buildState(root, ".next"), { state: "stale", changed: ["lib"] });
  });

  it("package.json changed (new dependencies): stale", () => {
    write("package.json", Date.now());
    assert.deepEqual(buildState(root, ".next"), { state: "stale", changed: ["package.json"] });
  });

  it("local-aws changed: fresh, since it runs from source and is not in the build", () => {
    write("local-aws/app.ts", Date.now());
    assert.deepEqual(buildState(root, ".next"), { state: "fresh" });
  });

  it("another build folder (CLEF_DIST_DIR) is judged by its own BUILD_ID", () => {
    mkdirSync(join(root, ".next-e2e"));
    write(".next-e2e/BUILD_ID", Date.now() - 3 * HOUR);
    assert.equal(buildState(root, ".next-e2e").state, "stale");
    assert.equal(buildState(root, ".next").state, "fresh");
  });
});
