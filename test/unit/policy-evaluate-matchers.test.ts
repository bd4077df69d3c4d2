import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compileGlob, matchGlob, matchGlobRange } from "../../lib/policy/evaluate/glob";
import { compileArnPattern, matchArn } from "../../lib/policy/evaluate/arn-pattern";
import { inCidr, parseCidr, parseDate, parseIp } from "../../lib/policy/evaluate/values";
import { allow, policy, run } from "./policy-evaluate-helpers";

const escape = (c: string) => c.replace(/[.+^${}()|[\]\\]/g, "\\$&");

/** The documented meaning, as a regular expression: `*` any run, `?` one character. */
const globOracle = (p: string) => new RegExp(`^${[...p].map((c) => (c === "*" ? ".*" : c === "?" ? "." : escape(c))).join("")}$`, "s");

/**
 * The Resource page's meaning: within the first five segments `*` and `?` stay in their segment unless the `*` ends it;
 * in the resource part they match anything.
 */
function arnOracle(p: string, crossing: boolean): RegExp {
  let colons = 0;
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const inResource = colons >= 5;
    if (c === ":" && !inResource) colons++;
    if (c === "*") out += inResource || (crossing && (i + 1 === p.length || p[i + 1] === ":")) ? ".*" : "[^:]*";
    else if (c === "?") out += inResource ? "." : "[^:]";
    else out += escape(c);
  }
  return new RegExp(`^${out}$`, "s");
}

describe("compiled matchers agree with the documented semantics", () => {
  it("globs: *, ? and literals, on whole strings and ranges", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "*", "?", ":"), maxLength: 8 });
    fc.assert(
      fc.property(text, fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 10 }), (p, s) => {
        assert.equal(matchGlob(compileGlob(p), s), globOracle(p).test(s), `${p} ~ ${s}`);
        assert.equal(matchGlobRange(compileGlob(p), `x${s}y`, 1, s.length + 1), globOracle(p).test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("ARN patterns, for Resource (segment-ending * crosses colons) and the Arn* operators (it does not)", () => {
    const pattern = fc
      .array(fc.string({ unit: fc.constantFrom("a", "b", "*", "?"), maxLength: 3 }), { minLength: 1, maxLength: 8 })
      .map((p) => p.join(":"));
    const value = fc
      .array(fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 3 }), { minLength: 1, maxLength: 8 })
      .map((p) => p.join(":"));
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (p, s, crossing) => {
        assert.equal(matchArn(compileArnPattern(p, undefined, crossing), s), arnOracle(p, crossing).test(s), `${p} ~ ${s} (${crossing})`);
      }),
      { numRuns: 5000 },
    );
  });

  it("ARN patterns on real ARNs", () => {
    const cases: [string, string, boolean][] = [
      ["arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/path/R", true],
      ["arn:aws:iam::??????????33:role/*", "arn:aws:iam::111122223333:role/R", true],
      ["arn:aws:iam::1*3:role/R", "arn:aws:iam::111122223333:role/R", true],
      ["arn:aws:iam::1*3:role/R", "arn:aws:iam::1:2:3:role/R", false],
      ["arn:aws:s3:::b/a:b*", "arn:aws:s3:::b/a:b:c", true],
      ["arn:aws:sqs:*:111122223333:queue", "arn:aws:sqs:us-east-1:111122223333:queue", true],
      ["arn:aws:sqs:*:111122223333:queue", "arn:aws:sqs:us-east-1:111122223333:queue2", false],
    ];
    for (const [p, s, expected] of cases) assert.equal(matchArn(compileArnPattern(p), s), expected, `${p} ~ ${s}`);
  });
});

describe("typed values", () => {
  it("IP addresses and CIDR blocks, IPv4 and IPv6", () => {
    assert.deepEqual(parseIp("192.0.2.1")?.words, [0xc000, 0x0201]);
    assert.equal(parseIp("192.0.2.256"), undefined);
    assert.equal(parseIp("1.2.3"), undefined);
    assert.deepEqual(parseIp("2001:db8::1")?.words, [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(parseIp("::")?.words, [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(parseIp("2001:db8::1::2"), undefined);
    assert.equal(parseIp("2001:db8:0:0:0:0:0:0:1"), undefined);
    assert.equal(parseCidr("10.0.0.0/33"), undefined);
    assert.equal(inCidr(parseCidr("0.0.0.0/0")!, parseIp("8.8.8.8")!), true);
    assert.equal(inCidr(parseCidr("10.0.0.0/8")!, parseIp("2001:db8::1")!), false, "families never mix");
    assert.equal(inCidr(parseCidr("2001:db8::/127")!, parseIp("2001:db8::1")!), true);
    assert.equal(inCidr(parseCidr("2001:db8::/128")!, parseIp("2001:db8::1")!), false);
  });

  it("dates: ISO 8601 forms, offsets and epoch seconds", () => {
    assert.equal(parseDate("2020-01-01T00:00:00Z"), Date.UTC(2020, 0, 1));
    assert.equal(parseDate("2020-01-01T00:00:00"), Date.UTC(2020, 0, 1), "no offset: UTC");
    assert.equal(parseDate("2020-01-01"), Date.UTC(2020, 0, 1));
    assert.equal(parseDate("2020-01-01T01:30:00+01:30"), Date.UTC(2020, 0, 1));
    assert.equal(parseDate("2020-01-01T00:00:00.250Z"), Date.UTC(2020, 0, 1) + 250);
    assert.equal(parseDate("1577836800"), Date.UTC(2020, 0, 1));
    assert.ok(Number.isNaN(parseDate("01/01/2020")));
  });
});

describe("results are per evaluation", () => {
  it("conditions and resources shared by several policies are re-evaluated for each request", () => {
    const condition = { Condition: { StringEquals: { "aws:PrincipalTag/team": "red" } } };
    const a = policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*", condition));
    const b = policy(allow("s3:PutObject", "arn:aws:s3:::b/${aws:username}/*", condition));
    for (let i = 0; i < 3; i++) {
      const red = { "aws:PrincipalTag/team": "red", "aws:username": "bob" };
      const blue = { "aws:PrincipalTag/team": "blue", "aws:username": "bob" };
      assert.equal(run({ resource: "arn:aws:s3:::b/bob/k", context: red }, { identity: [a, b] }).decision, "allowed");
      assert.equal(run({ resource: "arn:aws:s3:::b/bob/k", context: blue }, { identity: [a, b] }).decision, "implicitDeny");
      assert.equal(
        run(
          { action: "s3:PutObject", resource: "arn:aws:s3:::b/bob/k", context: { ...red, "aws:username": "carol" } },
          { identity: [a, b] },
        ).decision,
        "implicitDeny",
      );
      assert.equal(
        run(
          { action: "s3:PutObject", resource: "arn:aws:s3:::b/carol/k", context: { ...red, "aws:username": "carol" } },
          { identity: [a, b] },
        ).decision,
        "allowed",
      );
    }
  });
});
