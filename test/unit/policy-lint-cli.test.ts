import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { guessKind, main } from "../../scripts/lint-policy";

const dir = mkdtempSync(join(tmpdir(), "clef-lint-cli-"));
const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc));
  return path;
};
const policy = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

function run(t: TestContext, args: string[]) {
  const out: string[] = [];
  t.mock.method(console, "log", (line: string) => out.push(line));
  t.mock.method(console, "error", () => undefined);
  return { code: main(args), out };
}

test("prints file:line:col KIND CODE message and exits with the worst finding's code", (t) => {
  const clean = file("clean.json", policy({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" }));
  const suggestion = file("suggestion.json", policy({ Effect: "Allow", Action: "sns:Publish", Resource: "*" }));
  const warning = file("warning.json", policy({ Effect: "Allow", Action: "s3:GetObjekt", Resource: "arn:aws:s3:::b/*" }));
  const security = file("security.json", policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }));
  const error = file("error.json", '{"Statement": [');
  assert.deepEqual(run(t, [clean]), { code: 0, out: [] });
  assert.equal(run(t, [suggestion]).code, 0);
  const warned = run(t, [clean, warning]);
  assert.equal(warned.code, 1);
  assert.deepEqual(warned.out, [
    `${warning}:1:65 WARNING INVALID_ACTION The action s3:GetObjekt does not exist. Did you mean s3:GetObject?`,
  ]);
  assert.equal(run(t, [warning, security]).code, 2);
  assert.equal(run(t, [security, error]).code, 3);
});

test("--kind chooses the grammar; --json prints ValidatePolicy's shape; bad usage is 64, a missing file 66", (t) => {
  const trustDoc = file("trust.json", policy({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }));
  assert.match(run(t, [trustDoc]).out[0], /:1:\d+ ERROR UNSUPPORTED_WILDCARD_IN_PRINCIPAL /);
  assert.match(run(t, ["--kind", "resource", trustDoc]).out.join("\n"), /TRUST_ANY_PRINCIPAL|^$/);
  const json = JSON.parse(run(t, ["--json", trustDoc]).out[0]);
  assert.equal(json[trustDoc][0].issueCode, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
  assert.equal(run(t, ["--kind", "bogus", trustDoc]).code, 64);
  assert.equal(run(t, []).code, 64);
  assert.equal(run(t, [join(dir, "missing.json")]).code, 66);
});

test("guessKind: a Principal makes a trust policy, or a resource policy beyond sts: actions; else identity", () => {
  assert.equal(
    guessKind(JSON.stringify(policy({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }))),
    "trust",
  );
  assert.equal(
    guessKind(JSON.stringify(policy({ Effect: "Allow", Principal: { AWS: "1" }, Action: "s3:GetObject", Resource: "*" }))),
    "resource",
  );
  assert.equal(guessKind(JSON.stringify(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))), "identity");
});
