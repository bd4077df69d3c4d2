import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";

const require = createRequire(import.meta.url);
const loader: ((source: string) => string) & { UNUSED: string[] } = require("../../scripts/turbopack/cloudscape-messages-used.cjs");
const CLOUDSCAPE = dirname(require.resolve("@cloudscape-design/components/package.json"));
const ALL_EN = join(CLOUDSCAPE, "i18n", "messages", "all.en.js");
const PREFIX = "export default ";

const parse = (source: string) => JSON.parse(source.slice(PREFIX.length).replace(/;\s*$/, ""))["cloudscape-design-components"].en;

function files(dir: string, ext: RegExp, out: string[] = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, ext, out);
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

describe("Cloudscape's English messages without the components Clef never renders", () => {
  const source = readFileSync(ALL_EN, "utf8");
  const before = parse(source);
  const after = parse(loader(source));

  it("drops exactly the unused namespaces and keeps every other message as it was", () => {
    for (const namespace of loader.UNUSED) assert.ok(namespace in before, `${namespace} is not a namespace of this Cloudscape`);
    assert.deepEqual(
      Object.keys(after).sort(),
      Object.keys(before)
        .filter((n) => !loader.UNUSED.includes(n))
        .sort(),
    );
    for (const namespace of Object.keys(after)) assert.deepEqual(after[namespace], before[namespace], namespace);
  });

  it("refuses a messages file it does not recognise", () => {
    assert.throws(() => loader(`module.exports = ${source.slice(PREFIX.length)}`), /changed/);
  });

  it("drops no namespace of a component Clef imports", () => {
    const root = dirname(require.resolve("../../package.json"));
    const imported = new Set<string>();
    for (const dir of ["app", "components", "lib"])
      for (const file of files(join(root, dir), /\.tsx?$/))
        for (const m of readFileSync(file, "utf8").matchAll(/@cloudscape-design\/components\/([a-z-]+)/g)) imported.add(m[1]);
    assert.ok(imported.has("table"), "the scan finds the components Clef imports");
    for (const namespace of loader.UNUSED) assert.ok(!imported.has(namespace), `${namespace} is imported but its messages are dropped`);
  });

  it("drops no namespace another Cloudscape component reads (each is read only inside its own component)", () => {
    for (const file of files(CLOUDSCAPE, /\.js$/)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/useInternalI18n\(['"]([^'"]+)['"]\)/g)) {
        if (!loader.UNUSED.includes(m[1])) continue;
        const folder = relative(CLOUDSCAPE, file).split(sep)[0];
        assert.equal(folder, m[1], `${relative(CLOUDSCAPE, file)} reads the ${m[1]} messages`);
      }
    }
  });
});
