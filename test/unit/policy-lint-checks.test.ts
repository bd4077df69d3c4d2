import { test } from "node:test";
import assert from "node:assert/strict";
import { CHECKS, applyEdits, lintPolicy } from "@/lib/policy/lint";
import { CASES, type LintCase } from "./policy-lint-cases";

const text = (c: LintCase) => (typeof c.doc === "string" ? c.doc : JSON.stringify(c.doc));
const run = (c: LintCase) => lintPolicy(text(c), c.kind ?? "identity", c.options);

test("at least 40 checks, each code once, each with a trigger and a clean case", () => {
  const codes = CHECKS.map((c) => c.code);
  assert.ok(codes.length >= 40, `${codes.length} checks`);
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual(
    codes.filter((c) => !CASES[c]),
    [],
  );
  assert.deepEqual(
    Object.keys(CASES).filter((c) => !codes.includes(c)),
    [],
  );
});

for (const check of CHECKS) {
  const cases = CASES[check.code];
  if (!cases) continue;
  test(`${check.code}: its trigger finds it (${check.kind}, exact span), its clean case does not`, () => {
    const t = text(cases.trigger);
    const found = run(cases.trigger).filter((f) => f.code === check.code);
    assert.equal(found.length, 1, JSON.stringify(run(cases.trigger).map((f) => f.code)));
    assert.equal(found[0].kind, check.kind);
    assert.ok(found[0].message.length > 0 && !found[0].message.includes("\n"));
    if (cases.trigger.span !== undefined) assert.equal(t.slice(found[0].span.start, found[0].span.end), cases.trigger.span);
    if (cases.trigger.fixed !== undefined) {
      assert.ok(found[0].fix, "a fix");
      assert.deepEqual(JSON.parse(applyEdits(t, found[0].fix.edits)), cases.trigger.fixed);
    }
    assert.deepEqual(
      run(cases.clean).filter((f) => f.code === check.code),
      [],
    );
  });
}
