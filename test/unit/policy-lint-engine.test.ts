import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { FINDING_KINDS, applyEdits, lintPolicy } from "@/lib/policy/lint";
import { validatePolicy } from "@/lib/policy/validate";
import { allow, policy } from "./policy-lint-cases";

const codes = (text: string, kind: Parameters<typeof lintPolicy>[1] = "identity") => lintPolicy(text, kind).map((f) => f.code);

test("AWS's grammar errors come first, as ERROR findings with validatePolicy's wording and a code", () => {
  const docs: [string, Parameters<typeof lintPolicy>[1]][] = [
    ['{"Version": "2012-10-17", "Statement": [', "identity"],
    [JSON.stringify(policy({ Effect: "Allow", Action: "s3:GetObject" })), "identity"],
    [JSON.stringify(policy({ Sid: "A", ...allow("s3:GetObject") }, { Sid: "A", ...allow("s3:PutObject") })), "identity"],
    [JSON.stringify(policy({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" })), "scp"],
    [JSON.stringify(policy({ Effect: "Allow", Principal: { Service: "nope" }, Action: "sts:AssumeRole" })), "trust"],
  ];
  for (const [text, kind] of docs) {
    const grammar = validatePolicy(text, kind);
    const found = lintPolicy(text, kind);
    assert.ok(grammar.length > 0);
    assert.deepEqual(
      found.slice(0, grammar.length).map((f) => [f.kind, f.message, f.detail]),
      grammar.map((g) => ["ERROR", g.message, g.detail]),
    );
  }
  assert.equal(codes(docs[0][0])[0], "JSON_SYNTAX_ERROR");
  assert.equal(codes(docs[1][0])[0], "MISSING_RESOURCE");
  assert.equal(codes(docs[2][0])[0], "UNIQUE_SIDS_REQUIRED");
  assert.equal(codes(docs[3][0], "scp")[0], "UNSUPPORTED_PRINCIPAL");
  assert.equal(codes(docs[4][0], "trust")[0], "INVALID_PRINCIPAL_FORMAT");
});

test("grammar errors with one certain repair carry it: an Effect's case, a managed policy's Version", () => {
  const text = JSON.stringify(policy({ ...allow("s3:ListBucket"), Effect: "allow" }));
  const effect = lintPolicy(text, "identity").find((f) => f.path === "Statement[0].Effect")!;
  assert.equal(effect.code, "MALFORMED_POLICY");
  assert.deepEqual(JSON.parse(applyEdits(text, effect.fix!.edits)), policy(allow("s3:ListBucket")));
  const old = JSON.stringify({ Version: "2008-10-17", Statement: [allow("s3:ListBucket")] });
  const version = lintPolicy(old, "identity", { managed: true })[0];
  assert.equal(version.code, "INVALID_VERSION");
  assert.deepEqual(JSON.parse(applyEdits(old, version.fix!.edits)), policy(allow("s3:ListBucket")));
  assert.equal(lintPolicy(old, "identity", { managed: true }).filter((f) => f.code === "OLD_VERSION").length, 0);
});

test("a check's finding on the very text of a grammar error is left out: AWS's error says it", () => {
  const text = JSON.stringify(policy({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }));
  assert.deepEqual(codes(text, "trust"), ["UNSUPPORTED_WILDCARD_IN_PRINCIPAL"]);
  const open = JSON.stringify(policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }));
  assert.deepEqual(codes(open, "trust"), ["TRUST_ANY_PRINCIPAL"]);
});

test("findings are ordered errors, security warnings, warnings, suggestions, each in document order", () => {
  const text = JSON.stringify(policy(allow(["s3:*", "s3:GetObjekt", "iam:PassRole"]), { Effect: "Allow", Action: "s3:GetObject" }));
  const found = lintPolicy(text, "identity");
  const ranks = found.map((f) => FINDING_KINDS.indexOf(f.kind));
  assert.deepEqual(
    ranks,
    [...ranks].sort((a, b) => a - b),
  );
  assert.equal(found[0].code, "MISSING_RESOURCE");
  assert.ok(found.some((f) => f.kind === "SECURITY_WARNING") && found.some((f) => f.kind === "SUGGESTION"));
});

test("size: IAM leaves whitespace out, Organizations counts every character; the span starts at the first character over", () => {
  const small = policy({ Effect: "Deny", Action: "s3:*", Resource: "*" });
  const spaced = JSON.stringify(small).replace(/,/g, `,${" ".repeat(3000)}`);
  assert.ok(spaced.length > 6144);
  assert.deepEqual(codes(spaced), []);
  const scp = codes(spaced, "scp");
  assert.deepEqual(scp, ["POLICY_SIZE_EXCEEDS_ORGANIZATIONS_POLICY_QUOTA"]);
  assert.equal(lintPolicy(spaced, "scp")[0].span.start, 5120);
  const inline = JSON.stringify(
    policy(
      allow(
        "s3:GetObject",
        Array.from({ length: 80 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`),
      ),
    ),
  );
  assert.deepEqual(codes(inline, "identity"), []);
  assert.ok(
    codes(inline, "identity").length === 0 &&
      lintPolicy(inline, "identity", { quota: "user" }).some((f) => f.code === "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"),
  );
});

test("an empty document has no findings", () => {
  assert.deepEqual(lintPolicy("  \n", "identity"), []);
});

test("a removal fix in an indented document leaves valid JSON", () => {
  const text = JSON.stringify(policy(allow(["s3:GetObject", "s3:*", "s3:ListBucket"])), null, 2);
  const fixes = lintPolicy(text, "identity").filter((f) => f.code === "REDUNDANT_ACTION");
  assert.equal(fixes.length, 2);
  let fixed = applyEdits(text, fixes[1].fix!.edits);
  fixed = applyEdits(fixed, lintPolicy(fixed, "identity").find((f) => f.code === "REDUNDANT_ACTION")!.fix!.edits);
  assert.deepEqual(JSON.parse(fixed), policy(allow(["s3:*"])));
});

const ACTIONS = ["s3:GetObject", "s3:getobject", "s3:Get*", "s3:*", "*", "iam:PassRole", "s3x:Foo", "ec2:RunInstancez", "sts:AssumeRole"];
const RESOURCES = ["*", "arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:iam::123456789012:role/r", "arn:aws:sqs::1:q", "arn:aws:s3:::b/*"];
const OPERATORS = ["StringEquals", "StringLike", "ForAllValues:StringEquals", "Bool", "NullIfExists", "IpAddress", "NumericLessThan"];
const KEYS = ["aws:SourceIp", "aws:TagKeys", "s3:prefix", "aws:SorceIp", "aws:MultiFactorAuthPresent"];
const VALUES = ["*", "a*", "true", "10.0.0.0/8", "x", "5"];

const statement = fc.record({
  Effect: fc.constantFrom("Allow", "Deny", "allow"),
  Action: fc.oneof(fc.constantFrom(...ACTIONS), fc.array(fc.constantFrom(...ACTIONS), { maxLength: 4 })),
  Resource: fc.oneof(fc.constantFrom(...RESOURCES), fc.array(fc.constantFrom(...RESOURCES), { maxLength: 3 })),
  Condition: fc.dictionary(
    fc.constantFrom(...OPERATORS),
    fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }),
    {
      maxKeys: 2,
    },
  ),
});

test("property: any policy lints without throwing, spans lie in the text, and every fix leaves JSON that parses", () => {
  fc.assert(
    fc.property(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 4 }), (statements, indent) => {
      const text = JSON.stringify(policy(...statements), null, indent);
      for (const f of lintPolicy(text, "identity")) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
        if (f.fix) JSON.parse(applyEdits(text, f.fix.edits));
      }
    }),
    { numRuns: 150 },
  );
});
