import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseJson, positionAt } from "../../lib/policy/json";
import { parsePolicy } from "../../lib/policy/parse";
import { parseArn } from "../../lib/policy/arn";
import { matchesWildcard } from "../../lib/policy/wildcard";
import { parseOperator } from "../../lib/policy/conditions";

describe("parseJson", () => {
  it("keeps the span of every key and value", () => {
    const text = '{ "a" : [1, "x\\u00e9", true, null], "b": {} }';
    const r = parseJson(text);
    assert.ok(r.ok && r.value.kind === "object");
    const [a, b] = r.value.members;
    assert.equal(text.slice(a.keySpan.start, a.keySpan.end), '"a"');
    assert.equal(text.slice(a.value.span.start, a.value.span.end), '[1, "x\\u00e9", true, null]');
    assert.ok(a.value.kind === "array");
    assert.deepEqual(
      a.value.items.map((i) => i.kind),
      ["number", "string", "boolean", "null"],
    );
    assert.ok(a.value.items[1].kind === "string" && a.value.items[1].value === "xé");
    assert.equal(text.slice(b.value.span.start, b.value.span.end), "{}");
  });

  it("rejects what strict JSON rejects, with the offset", () => {
    for (const [bad, offset] of [
      ["{'a': 1}", 1],
      ['{"a": 1,}', 8],
      ["[1 2]", 3],
      ['{"a": 01}', 7],
      ['"tab\there"', 4],
      ["{} x", 3],
      ["// c\n{}", 0],
    ] as const) {
      const r = parseJson(bad);
      assert.ok(!r.ok, bad);
      assert.equal(r.error.offset, offset, bad);
    }
  });

  it("keeps the last of duplicate keys, as JSON.parse does", () => {
    const policy = parsePolicy('{"Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}');
    assert.equal(policy!.Statement[0].Effect, "Allow");
  });
});

describe("positionAt", () => {
  it("gives 1-based lines and columns", () => {
    const text = '{\n  "Statement": [\n    {}\n  ]\n}';
    assert.deepEqual(positionAt(text, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(text, text.indexOf("{}")), { line: 3, column: 5 });
  });
});

describe("parsePolicy", () => {
  it("normalises single values to lists and condition values to text, keeping each statement's span", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "A",
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: ["arn:aws:s3:::b/*"],
          Condition: { Bool: { "aws:SecureTransport": true } },
        },
        {
          Effect: "Deny",
          Principal: { AWS: "123456789012" },
          NotAction: ["iam:*"],
          NotResource: "*",
          Condition: { NumericLessThan: { "s3:max-keys": 10 } },
        },
      ],
    });
    const policy = parsePolicy(text)!;
    assert.equal(policy.Version, "2012-10-17");
    assert.deepEqual(
      policy.Statement.map(({ span: _span, ...s }) => s),
      [
        {
          index: 0,
          Sid: "A",
          Effect: "Allow",
          Action: ["s3:GetObject"],
          Resource: ["arn:aws:s3:::b/*"],
          Condition: { Bool: { "aws:SecureTransport": ["true"] } },
        },
        {
          index: 1,
          Effect: "Deny",
          Principal: { AWS: ["123456789012"] },
          NotAction: ["iam:*"],
          NotResource: ["*"],
          Condition: { NumericLessThan: { "s3:max-keys": ["10"] } },
        },
      ],
    );
    const second = policy.Statement[1].span;
    assert.ok(text.slice(second.start, second.end).startsWith('{"Effect":"Deny"'));
  });

  it("reads a single statement object and Principal *", () => {
    const policy = parsePolicy('{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}')!;
    assert.equal(policy.Statement[0].Principal, "*");
  });

  it("returns undefined for text that is not a JSON object", () => {
    assert.equal(parsePolicy("nope"), undefined);
    assert.equal(parsePolicy("[]"), undefined);
  });
});

describe("ARNs, wildcards and operators", () => {
  it("splits an ARN, keeping colons in the resource", () => {
    assert.deepEqual(parseArn("arn:aws:logs:us-east-1:123456789012:log-group:/x:*"), {
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      account: "123456789012",
      resource: "log-group:/x:*",
    });
    assert.equal(parseArn("arn:aws:s3"), undefined);
  });

  it("matches * and ? case-insensitively unless asked", () => {
    assert.ok(matchesWildcard("s3:Get*", "s3:getobject"));
    assert.ok(matchesWildcard("iam:?etUser", "iam:GetUser"));
    assert.ok(!matchesWildcard("s3:Get*", "s3:PutObject"));
    assert.ok(!matchesWildcard("arn:aws:s3:::B/*", "arn:aws:s3:::b/k", true));
    assert.ok(matchesWildcard("arn:aws:s3:::b/(x)+*", "arn:aws:s3:::b/(x)+y", true));
  });

  it("parses set qualifiers and IfExists", () => {
    assert.deepEqual(parseOperator("ForAnyValue:StringLikeIfExists"), { base: "StringLike", set: "ForAnyValue", ifExists: true });
    assert.deepEqual(parseOperator("Bool"), { base: "Bool", set: undefined, ifExists: false });
  });
});
