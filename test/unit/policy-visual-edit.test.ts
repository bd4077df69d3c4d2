import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  addCondition,
  addStatement,
  blockService,
  fromDocument,
  removeStatement,
  toDocument,
  toggleAction,
  updateStatement,
} from "../../lib/policy/visual";
import type { VisualPolicy } from "../../lib/policy/visual";
import { POLICY_TEMPLATE } from "../../components/policies/policy-template";

const read = (text: string): VisualPolicy => {
  const r = fromDocument(text);
  if (!r.ok) throw new Error(r.reason);
  return r.policy;
};

const MIXED = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Mixed",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "ec2:DescribeInstances", "s3:ListBucket"],
            "Resource": "*"
        },
        { "Effect": "Deny", "NotAction": "iam:*", "Resource": "*" }
    ]
}`;

describe("visual editor: reading", () => {
  it("shows a statement naming several services as one block per service, the Sid on the first", () => {
    const p = read(MIXED);
    assert.equal(p.statements.length, 3);
    assert.deepEqual(p.statements[0].actions, ["s3:GetObject", "s3:ListBucket"]);
    assert.equal(p.statements[0].sid, "Mixed");
    assert.deepEqual(p.statements[1].actions, ["ec2:DescribeInstances"]);
    assert.equal(p.statements[1].sid, undefined);
    assert.deepEqual(blockService(p.statements[0]), { kind: "service", prefix: "s3" });
    assert.equal(p.statements[2].notAction, true);
  });

  it("keeps NotAction over several services, and wildcard services, in one block", () => {
    const p = read(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["s3:*","iam:*"],"Resource":"*"},{"Effect":"Allow","Action":["s*:Get*","s3:Put*"],"Resource":"*"}]}',
    );
    assert.equal(p.statements.length, 2);
    assert.deepEqual(blockService(p.statements[0]), { kind: "multiple", prefixes: ["s3", "iam"] });
    assert.equal(blockService(p.statements[1]).kind, "multiple");
    assert.deepEqual(blockService(read('{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}').statements[0]), { kind: "all" });
  });

  it("says why a document cannot be shown, and shows one that can", () => {
    const reason = (text: string) => {
      const r = fromDocument(text);
      return r.ok ? undefined : r.reason;
    };
    assert.match(reason('{"Version": "2012-10-17", "Statement": [')!, /^The JSON is not valid/);
    assert.equal(reason("[]"), "The policy is not a JSON object.");
    assert.equal(reason('{"Version":"2012-10-17"}'), "The policy has no Statement element.");
    assert.equal(
      reason('{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*"}]}'),
      'The element "Action" appears twice in one object.',
    );
    assert.equal(
      reason('{"Statement":[{"Effect":"Maybe","Action":"s3:GetObject","Resource":"*"}]}'),
      "Statement 1's Effect is neither Allow nor Deny.",
    );
    assert.equal(
      reason('{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Foo":1}]}'),
      'Statement 1 has an unknown element "Foo".',
    );
    assert.equal(
      reason('{"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]}'),
      "Statement 1's Action is neither a string nor a list of strings.",
    );
    assert.equal(
      reason('{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":{}}}}]}'),
      "Statement 1's condition key aws:SecureTransport has a value that is not a string, number or boolean.",
    );
    assert.equal(reason(POLICY_TEMPLATE), undefined);
  });
});

describe("visual editor: editing", () => {
  it("writes AWS's console layout into the starter policy: tabs, single values as strings, conditions grouped", () => {
    let p = read(POLICY_TEMPLATE);
    p = updateStatement(p, 0, (s) => toggleAction(toggleAction(s, "s3:GetObject", true), "s3:ListBucket", true));
    p = updateStatement(p, 0, (s) => ({ ...s, resources: ["arn:aws:s3:::amzn-s3-demo-bucket"] }));
    p = updateStatement(p, 0, (s) => addCondition(s, { operator: "StringEquals", key: "aws:RequestedRegion", values: ["us-east-1"] }));
    p = updateStatement(p, 0, (s) => addCondition(s, { operator: "StringEquals", key: "aws:RequestedRegion", values: ["eu-west-1"] }));
    assert.equal(
      toDocument(p, POLICY_TEMPLATE),
      [
        "{",
        '\t"Version": "2012-10-17",',
        '\t"Statement": [',
        "\t\t{",
        '\t\t\t"Sid": "Statement1",',
        '\t\t\t"Effect": "Allow",',
        '\t\t\t"Action": [',
        '\t\t\t\t"s3:GetObject",',
        '\t\t\t\t"s3:ListBucket"',
        "\t\t\t],",
        '\t\t\t"Resource": "arn:aws:s3:::amzn-s3-demo-bucket",',
        '\t\t\t"Condition": {',
        '\t\t\t\t"StringEquals": {',
        '\t\t\t\t\t"aws:RequestedRegion": [',
        '\t\t\t\t\t\t"us-east-1",',
        '\t\t\t\t\t\t"eu-west-1"',
        "\t\t\t\t\t]",
        "\t\t\t\t}",
        "\t\t\t}",
        "\t\t}",
        "\t]",
        "}",
      ].join("\n"),
    );
  });

  it("splits a mixed statement into one statement per service only when one of its blocks changes", () => {
    const p = read(MIXED);
    assert.equal(toDocument(p, MIXED), MIXED);
    const out = toDocument(
      updateStatement(p, 1, (s) => toggleAction(s, "ec2:DescribeImages", true)),
      MIXED,
    );
    const parsed = JSON.parse(out) as { Statement: unknown[] };
    assert.deepEqual(parsed.Statement.slice(0, 2), [
      { Sid: "Mixed", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" },
      { Effect: "Allow", Action: ["ec2:DescribeInstances", "ec2:DescribeImages"], Resource: "*" },
    ]);
    assert.ok(
      out.includes('        { "Effect": "Deny", "NotAction": "iam:*", "Resource": "*" }\n    ]\n}'),
      "the untouched statement keeps its text",
    );
  });

  it("adds and removes statements, keeping the rest as written", () => {
    const p = read(MIXED);
    const added = toDocument(addStatement(p), MIXED);
    assert.ok(added.startsWith(MIXED.slice(0, MIXED.lastIndexOf("\n    ]"))));
    assert.ok(
      added.endsWith(
        ',\n        {\n            "Sid": "VisualEditor0",\n            "Effect": "Allow",\n            "Action": [],\n            "Resource": []\n        }\n    ]\n}',
      ),
    );
    const removed = toDocument(removeStatement(p, 2), MIXED);
    assert.deepEqual((JSON.parse(removed) as { Statement: unknown[] }).Statement.length, 1);
    assert.ok(removed.includes('"Action": ["s3:GetObject", "ec2:DescribeInstances", "s3:ListBucket"]'));
  });

  it("numbers new statements after the Sids already used", () => {
    const p = addStatement(addStatement(read(POLICY_TEMPLATE)));
    assert.deepEqual(
      p.statements.map((s) => s.sid),
      ["Statement1", "VisualEditor0", "VisualEditor1"],
    );
  });

  it("joins values added to an existing condition and leaves a new operator separate", () => {
    const [s] = read(POLICY_TEMPLATE).statements;
    const a = addCondition(s, { operator: "Bool", key: "aws:SecureTransport", values: [true] });
    const b = addCondition(a, { operator: "Bool", key: "aws:SecureTransport", values: [true] });
    assert.deepEqual(b.conditions, [{ operator: "Bool", key: "aws:SecureTransport", values: [true] }]);
    const c = addCondition(b, { operator: "BoolIfExists", key: "aws:SecureTransport", values: [false] });
    assert.equal(c.conditions.length, 2);
  });

  it("keeps Principal in resource control policies as written", () => {
    const rcp = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}';
    const p = read(rcp);
    const out = toDocument(
      updateStatement(p, 0, (s) => ({ ...s, resources: ["arn:aws:s3:::b"] })),
      rcp,
    );
    assert.equal(
      out,
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b"}]}',
    );
  });

  it("adds the first statement to an empty Statement list in the document's indentation", () => {
    const empty = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    const p = read(empty);
    assert.equal(p.statements.length, 0);
    assert.equal(
      toDocument(addStatement(p), empty),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "VisualEditor0",\n      "Effect": "Allow",\n      "Action": [],\n      "Resource": []\n    }\n  ]\n}',
    );
    assert.deepEqual(blockService(addStatement(p).statements[0]), { kind: "none" });
  });

  it("writes a whole new document when the previous text cannot be read", () => {
    const p = read(POLICY_TEMPLATE);
    assert.equal(toDocument(p, "{ not json"), POLICY_TEMPLATE);
  });

  it("turns a single Statement object into a list when a statement is added, keeping the first as written", () => {
    const single =
      '{\n    "Version": "2012-10-17",\n    "Statement": {\n        "Effect": "Allow",\n        "Action": "s3:ListAllMyBuckets",\n        "Resource": "*"\n    }\n}';
    const out = toDocument(addStatement(read(single)), single);
    assert.ok(
      out.includes(
        '"Statement": [\n        {\n            "Effect": "Allow",\n            "Action": "s3:ListAllMyBuckets",\n            "Resource": "*"\n        },\n        {\n            "Sid": "VisualEditor0"',
      ),
      out,
    );
    assert.equal(read(out).statements.length, 2);
  });
});
