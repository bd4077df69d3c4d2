import { afterEach, beforeEach, describe, it, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuildReader } from "../../scripts/bundle-stats";
import { DEFAULT_BUDGET, checkBudgets, main } from "../../scripts/check-bundle-budget";

// Random bytes do not compress: a chunk of n random bytes is about n bytes gzipped, so a page's weight is chosen here.
const KB = 1024;

describe("the first-load JavaScript budget, on a fabricated build", () => {
  let root: string;
  let dist: string;
  const chunk = (name: string, content: string | Buffer) => {
    writeFileSync(join(dist, "static", "chunks", name), content);
    return `.next/static/chunks/${name}`;
  };
  const stats = (routes: Record<string, string[]>) =>
    writeFileSync(
      join(dist, "diagnostics", "route-bundle-stats.json"),
      JSON.stringify(
        Object.entries(routes).map(([route, firstLoadChunkPaths]) => ({ route, firstLoadUncompressedJsBytes: 0, firstLoadChunkPaths })),
      ),
    );
  const run = (t: TestContext, budgets: Record<string, number> = {}) => {
    const err: string[] = [];
    t.mock.method(console, "log", () => undefined);
    t.mock.method(console, "error", (line: string) => err.push(line));
    return { code: main([dist], budgets), err };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "clef-bundle-"));
    dist = join(root, ".next");
    mkdirSync(join(dist, "static", "chunks"), { recursive: true });
    mkdirSync(join(dist, "diagnostics"), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("weighs a page as the gzip size of its first-load chunks, shared chunks counted on every page", () => {
    const shared = chunk("shared.js", randomBytes(100 * KB));
    stats({ "/users": [shared, chunk("users.js", randomBytes(50 * KB))], "/groups": [shared], "/api/users": [] });
    const pages = new BuildReader(dist).pages();
    assert.deepEqual(
      pages.map((p) => p.route),
      ["/users", "/groups"],
    );
    assert.ok(pages[0].gzip > 150 * KB && pages[0].gzip < 151 * KB, `${pages[0].gzip}`);
    assert.ok(pages[1].gzip > 100 * KB && pages[1].gzip < 101 * KB, `${pages[1].gzip}`);
  });

  it("a page under the default budget passes; one over it fails, named with its weight", (t) => {
    const shared = chunk("shared.js", randomBytes(200 * KB));
    stats({ "/users": [shared, chunk("users.js", randomBytes(50 * KB))], "/roles": [shared, chunk("roles.js", randomBytes(120 * KB))] });
    const { code, err } = run(t);
    assert.equal(code, 1);
    assert.equal(err.length, 2);
    assert.match(err[1], /^ {2}\/roles: 320\.\d kB gzip, budget 300\.0 kB$/);
    assert.deepEqual(
      checkBudgets(new BuildReader(dist), {}).map((o) => o.route),
      ["/roles"],
    );
  });

  it("every page within budget: exit 0", (t) => {
    stats({ "/users": [chunk("users.js", randomBytes(DEFAULT_BUDGET - 2 * KB))] });
    assert.deepEqual(run(t), { code: 0, err: [] });
  });

  it("an editor page is held to its own budget, over or under", (t) => {
    stats({ "/policies/create": [chunk("editor.js", randomBytes(400 * KB))] });
    assert.equal(run(t, { "/policies/create": 420 * KB }).code, 0);
    const over = run(t, { "/policies/create": 380 * KB });
    assert.equal(over.code, 1);
    assert.match(over.err[1], /\/policies\/create: 400\.\d kB gzip, budget 380\.0 kB/);
  });

  it("a light page that loads the action catalogue or Monaco up front fails", (t) => {
    stats({
      "/users": [chunk("catalogue.js", 'var c={"globalConditionKeys":[]}')],
      "/groups": [chunk("monaco.js", "self.MonacoEnvironment={}")],
      "/roles": [chunk("roles.js", "var r=1")],
    });
    assert.deepEqual(
      checkBudgets(new BuildReader(dist), {}).map((o) => `${o.route} ${o.problem}`),
      ["/users loads the action catalogue up front", "/groups loads the monaco-editor up front"],
    );
    assert.equal(run(t).code, 1);
  });

  it("a budget for a page the build does not have fails, so a renamed page loses its allowance", (t) => {
    stats({ "/users": [chunk("users.js", "var u=1")] });
    assert.deepEqual(checkBudgets(new BuildReader(dist), { "/policies/old": 400 * KB }), [
      { route: "/policies/old", problem: "has a budget but is not in the build" },
    ]);
    assert.equal(run(t, { "/policies/old": 400 * KB }).code, 1);
  });

  it("no build: exit 1 saying to build first", (t) => {
    const { code, err } = run(t);
    assert.equal(code, 1);
    assert.match(err[0], /run `npx next build` first/);
  });
});
