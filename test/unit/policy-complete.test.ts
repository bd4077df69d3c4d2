import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { completePolicy } from "../../lib/policy/complete";
import type { CompleteOptions } from "../../lib/policy/complete";
import type { PolicyKind } from "../../lib/policy/types";

/** The policy with `|` at the cursor: its completion items and the text they replace. */
function complete(marked: string, kind: PolicyKind = "identity", options?: CompleteOptions) {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const result = completePolicy(text, offset, kind, options);
  return { ...result, labels: result.items.map((i) => i.label), replaced: text.slice(result.span.start, result.span.end) };
}

const item = (marked: string, label: string, kind?: PolicyKind, options?: CompleteOptions) => {
  const found = complete(marked, kind, options).items.find((i) => i.label === label);
  assert.ok(found, `${label} offered at ${marked}`);
  return found;
};

describe("completion: keys", () => {
  it("offers the top-level keys the policy lacks", () => {
    assert.deepEqual(complete('{"|"}').labels, ["Version", "Id", "Statement"]);
    assert.deepEqual(complete('{"Version": "2012-10-17", "|"}').labels, ["Id", "Statement"]);
  });

  it("offers a statement's keys, without Principal in identity policies and SCPs", () => {
    const identity = complete('{"Statement": [{"|"}]}').labels;
    assert.ok(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"].every((k) => identity.includes(k)));
    assert.ok(!identity.includes("Principal"));
    assert.ok(!complete('{"Statement": [{"|"}]}', "scp").labels.includes("Principal"));
    assert.ok(complete('{"Statement": [{"|"}]}', "trust").labels.includes("Principal"));
    assert.ok(complete('{"Statement": {"|"}}', "resource").labels.includes("NotPrincipal"), "a single statement object");
  });

  it("leaves out the keys the statement already has, even after the cursor", () => {
    const labels = complete('{"Statement": [{"Effect": "Allow", "|", "Action": "s3:GetObject"}]}').labels;
    assert.ok(!labels.includes("Effect") && !labels.includes("Action"));
    assert.ok(labels.includes("Resource"));
  });

  it("inserts a key's name inside a string, a key with its value's template outside one", () => {
    assert.equal(item('{"Statement": [{"Eff|"}]}', "Effect").insertText, "Effect");
    assert.equal(complete('{"Statement": [{"Eff|"}]}').replaced, "Eff");
    const effect = item('{"Statement": [{|}]}', "Effect");
    assert.equal(effect.insertText, '"Effect": "${1|Allow,Deny|}"');
    assert.equal(effect.snippet, true);
  });

  it("offers nothing between a key and its colon, or after a value with no comma", () => {
    assert.deepEqual(complete('{"Version" |}').labels, []);
    assert.deepEqual(complete('{"Statement": [] |}').labels, ["Version", "Id"], "a missing comma still offers keys (typing on)");
    assert.deepEqual(complete('{"Statement": ["a" |]}').labels, []);
  });
});

describe("completion: values", () => {
  it("offers Version's dates and Effect's values", () => {
    assert.deepEqual(complete('{"Version": "|"}').labels, ["2012-10-17", "2008-10-17"]);
    assert.deepEqual(complete('{"Statement": [{"Effect": "|"}]}').labels, ["Allow", "Deny"]);
    assert.equal(item('{"Statement": [{"Effect": |}]}', "Allow").insertText, '"Allow"');
    assert.deepEqual(complete('{"Statement": [{"Sid": "|"}]}').labels, []);
  });

  it("offers service prefixes before a colon, each asking for completion again", () => {
    const { labels } = complete('{"Statement": [{"Action": "s|"}]}');
    assert.ok(labels.includes("s3:") && labels.includes("iam:") && labels.includes("*"));
    assert.ok(!labels.includes("s3:GetObject"));
    const s3 = item('{"Statement": [{"Action": "s|"}]}', "s3:");
    assert.equal(s3.detail, "Amazon S3");
    assert.equal(s3.retrigger, true);
  });

  it("offers a service's actions with their access level, in a string or an array", () => {
    for (const text of ['{"Statement": [{"Action": "s3:Get|"}]}', '{"Statement": [{"NotAction": ["s3:ListBucket", "s3:Get|"]}]}']) {
      const { labels, replaced } = complete(text);
      assert.ok(labels.includes("s3:GetObject") && labels.includes("s3:PutObject"));
      assert.ok(!labels.includes("iam:CreateUser"));
      assert.equal(replaced, "s3:Get");
    }
    assert.equal(item('{"Statement": [{"Action": "s3:|"}]}', "s3:GetObject").detail, "Read");
    assert.equal(item('{"Statement": [{"Action": "iam:|"}]}', "iam:CreateUser").detail, "Write");
    assert.deepEqual(complete('{"Statement": [{"Action": "nosuchservice:|"}]}').labels, []);
  });

  it("offers wildcards with the number of actions they match", () => {
    const { items } = complete('{"Statement": [{"Action": "s3:|"}]}');
    const get = items.find((i) => i.label === "s3:Get*");
    assert.match(get?.detail ?? "", /^\d+ actions$/);
    assert.ok(Number(get!.detail!.split(" ")[0]) > 40);
    assert.match(items.find((i) => i.label === "s3:*")?.detail ?? "", /^All \d+ actions$/);
  });

  it("replaces the whole string, up to its closing quote, when the cursor is inside it", () => {
    assert.equal(complete('{"Statement": [{"Action": "s3:Ge|tObjectAcl"}]}').replaced, "s3:GetObjectAcl");
    assert.equal(complete('{"Statement": [{"Action": "s3:Ge|\n}]}').replaced, "s3:Ge", "an unterminated string ends at the line's end");
  });

  it("offers the sts actions first in trust policies", () => {
    assert.equal(complete('{"Statement": [{"Action": "|"}]}', "trust").labels[0], "sts:AssumeRole");
    assert.ok(!complete('{"Statement": [{"Action": "|"}]}').labels.includes("sts:AssumeRole"));
  });
});
