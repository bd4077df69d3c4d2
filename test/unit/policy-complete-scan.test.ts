import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { completePolicy } from "../../lib/policy/complete";
import { scanPolicy } from "../../lib/policy/complete/scan";

const at = (marked: string) => {
  const offset = marked.indexOf("|");
  return scanPolicy(marked.slice(0, offset) + marked.slice(offset + 1), offset).at;
};

describe("completion's tolerant scan", () => {
  it("finds the key or array the cursor is in, in text that is not yet JSON", () => {
    assert.deepEqual(at('{"Statement": [{"Action": ["s3:|'), {
      role: "value",
      path: ["Statement", "[]", "Action"],
      containers: [0, 14, 15, 26],
      string: { span: { start: 27, end: 31 }, closed: false, value: "s3:" },
    });
    assert.deepEqual(at('{"Statement": [{"Condition": {"Bool": {|')?.path, ["Statement", "[]", "Condition", "Bool"]);
    assert.equal(at('{"Statement": [{"Condition": {"Bool": {|')?.role, "key");
  });

  it("reads escaped quotes and backslashes inside strings", () => {
    const ctx = at('{"Sid": "a \\"quoted\\" \\\\", "Statement": [{"Effect": "A|');
    assert.deepEqual(ctx?.path, ["Statement", "[]", "Effect"]);
    assert.equal(ctx?.string?.value, "A");
  });

  it("skips closed containers and stray words", () => {
    const ctx = at('{"Statement": [{"Action": ["s3:GetObject"], "Resource": ["*"], "Condition": {"Null": {"x": true}}, |}]}');
    assert.deepEqual(ctx?.path, ["Statement", "[]"]);
    assert.equal(ctx?.role, "key");
    assert.equal(at('{"Statement": [{"Effect": Al|}]}')?.role, "value");
  });

  it("reads every statement on its own, multi-line", () => {
    const text =
      '{\n  "Statement": [\n    {"Action": "iam:CreateUser"},\n    {\n      "Action": "sts:AssumeRole",\n      "Condition": {"StringEquals": {"|"}}\n    }\n  ]\n}';
    const offset = text.indexOf("|");
    const labels = completePolicy(text.replace("|", ""), offset, "trust").items.map((i) => i.label);
    assert.ok(labels.includes("sts:ExternalId"));
    assert.ok(!labels.includes("iam:PermissionsBoundary"));
  });

  it("offers nothing outside the policy's object or past its end", () => {
    assert.equal(at("|{}"), undefined);
    assert.equal(at("{}|"), undefined);
    assert.equal(at("|"), undefined);
  });
});
