import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { compileActions, matchActions, serviceOf } from "../../lib/policy/evaluate/action-matcher";
import { compileGlob, matchGlob } from "../../lib/policy/evaluate/glob";
import { allActionNames } from "../../lib/policy/catalogue";
import { deny, policy, run } from "./policy-evaluate-helpers";

/** What the grouped matcher replaces: every pattern, lowercased, tried in turn. */
const naive = (patterns: string[], action: string) => patterns.some((p) => matchGlob(compileGlob(p.toLowerCase()), action.toLowerCase()));

/** The matcher as statements use it (`linearUpTo` omitted: short lists are tried in turn), or always grouped (0). */
function grouped(patterns: string[], action: string, linearUpTo?: number) {
  const lowered = action.toLowerCase();
  return matchActions(compileActions(patterns, linearUpTo), lowered, serviceOf(lowered));
}

const service = fc.constantFrom("iam", "IAM", "s3", "S3", "sts", "sqs", "", "a");
const name = fc.string({ unit: fc.constantFrom("a", "B", "3", ":", "g", "E", "t"), maxLength: 6 });
const wild = (s: fc.Arbitrary<string>) =>
  s.chain((t) =>
    fc
      .array(fc.constantFrom("*", "?", "s", ":"), { maxLength: 2 })
      .chain((ws) =>
        fc
          .array(fc.nat(t.length), { minLength: ws.length, maxLength: ws.length })
          .map((at) => ws.reduce((out, w, i) => out.slice(0, at[i]) + w + out.slice(at[i]), t)),
      ),
  );
/** Patterns as policies write them, mutated so that wildcards land in the service part, the action part, or both. */
const pattern = fc.oneof(
  fc.tuple(service, name).map(([s, n]) => `${s}:${n}`),
  wild(fc.tuple(service, name).map(([s, n]) => `${s}:${n}`)),
  fc.constantFrom("*", "*:Get*", "s?s:*", "*:*", "iam*", "?", "", "iam", "s3:*", "**", "*?", "iam:Get*:x"),
  fc.string({ unit: fc.constantFrom("a", "A", ":", "*", "?"), maxLength: 6 }),
);
const action = fc.oneof(
  fc.tuple(service, name).map(([s, n]) => `${s}:${n}`),
  fc.constantFrom("iam:GetUser", "IAM:getuser", "sts:GetCallerIdentity", "s3:GetObject", "sqs:SendMessage", "iam", "", ":", "iam:"),
  fc.string({ unit: fc.constantFrom("a", "A", ":", "s"), maxLength: 6 }),
);

/** An action one of the patterns may match: its (at most two) wildcards filled in, its case changed, maybe a character more. */
const fill = fc.string({ unit: fc.constantFrom("a", "E", ":"), maxLength: 2 });
const near = (ps: string[]) =>
  fc.tuple(fc.constantFrom(...ps), fill, fill, fc.boolean(), fc.constantFrom("", "", "x", ":")).map(([p, one, two, upper, extra]) => {
    let i = 0;
    const filled = p.replace(/[*?]/g, (w) => {
      const f = i++ ? two : one;
      return w === "*" ? f : f.slice(0, 1) || "q";
    });
    return (upper ? filled.toUpperCase() : filled) + extra;
  });

describe("Action patterns grouped by service prefix", () => {
  it("match exactly as trying every pattern does: case, *, ?, wildcards in the service part, no colon", () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 12 }), action, (ps, a) => {
        const expected = naive(ps, a);
        assert.equal(grouped(ps, a, 0), expected, `${JSON.stringify(ps)} ~ ${a}`);
        assert.equal(grouped(ps, a), expected, `${JSON.stringify(ps)} ~ ${a} (short lists in turn)`);
      }),
      { numRuns: 20_000 },
    );
    // Only literal service parts, so that every answer comes from the prefix's names and wildcard patterns.
    const own = fc.array(
      fc.tuple(service, wild(name)).map(([s, n]) => `${s}:${n}`),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        own.chain((ps) => fc.tuple(fc.constant(ps), fc.oneof(action, near(ps)))),
        ([ps, a]) => {
          assert.equal(grouped(ps, a, 0), naive(ps, a), `${JSON.stringify(ps)} ~ ${a}`);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("cross-service wildcards reach every service; literal prefixes only their own", () => {
    const cases: [string[], string, boolean][] = [
      [["*:Get*"], "iam:GetUser", true],
      [["*:Get*"], "s3:PutObject", false],
      [["s?s:*"], "sts:AssumeRole", true],
      [["s?s:*"], "sqs:SendMessage", true],
      [["s?s:*"], "s3:GetObject", false],
      [["iam*"], "iamx:Get", true],
      [["iam:Get*"], "IAM:GETUSER", true],
      [["iam:Get*"], "iamx:GetUser", false],
      [["iam:GetUser"], "iam:GetUserPolicy", false],
      [["IAM:GetUser", "s3:Get*"], "iam:getuser", true],
      [["iam"], "iam", true],
      [["iam"], "iam:GetUser", false],
      [["iam:*"], "iam", false],
      [[], "iam:GetUser", false],
      [["*"], "", true],
    ];
    for (const [ps, a, expected] of cases) {
      assert.equal(grouped(ps, a, 0), expected, `${JSON.stringify(ps)} ~ ${a}`);
      assert.equal(grouped(ps, a), expected);
      assert.equal(naive(ps, a), expected);
    }
  });

  it("match AWS managed ReadOnlyAccess and SecurityAudit as trying every pattern does, for every catalogue action", () => {
    const data = gunzipSync(readFileSync(join(__dirname, "../../local-aws/iam/data/managed-policies.json.gz"))).toString("utf8");
    const { policies } = JSON.parse(data) as { policies: [string, ...unknown[]][] };
    const names = allActionNames();
    for (const wanted of ["ReadOnlyAccess", "SecurityAudit"]) {
      const doc = policies.find((p) => p[0] === wanted)![6] as { Statement: { Action?: string | string[] }[] };
      const patterns = doc.Statement.flatMap((s) => s.Action ?? []);
      assert.ok(patterns.length > 900, `${wanted} has its action list`);
      const globs = patterns.map((p) => compileGlob(p.toLowerCase()));
      const matcher = compileActions(patterns);
      let allowed = 0;
      for (let i = 0; i < names.length; i++) {
        const a = i % 2 ? names[i] : names[i].toUpperCase();
        const lowered = a.toLowerCase();
        const expected = globs.some((g) => matchGlob(g, lowered));
        assert.equal(matchActions(matcher, lowered, serviceOf(lowered)), expected, `${wanted} ~ ${a}`);
        if (expected) allowed++;
      }
      assert.ok(allowed > 1000, `${wanted} allows ${allowed} catalogue actions`);
    }
  });

  it("leave decisions and matched statements as they were, for Action and NotAction", () => {
    const statement = fc.record({
      effect: fc.constantFrom("Allow", "Deny"),
      not: fc.boolean(),
      patterns: fc.array(pattern, { minLength: 1, maxLength: 16 }),
    });
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), action, (statements, a) => {
        const p = policy(statements.map((s) => ({ Effect: s.effect, [s.not ? "NotAction" : "Action"]: s.patterns, Resource: "*" })));
        const applies = statements.map((s) => naive(s.patterns, a) !== s.not);
        const denies = statements.flatMap((s, i) => (applies[i] && s.effect === "Deny" ? [i] : []));
        const allows = statements.flatMap((s, i) => (applies[i] && s.effect === "Allow" ? [i] : []));
        const result = run({ action: a, resource: "*" }, { identity: [p] });
        assert.equal(result.decision, denies.length ? "explicitDeny" : allows.length ? "allowed" : "implicitDeny");
        assert.deepEqual(
          result.matched.map((m) => m.index),
          denies.length ? denies : allows,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("NotAction with grouped patterns in a Deny spares only the listed actions", () => {
    const p = policy([
      { Effect: "Allow", Action: "*", Resource: "*" },
      deny(undefined, "*", { NotAction: ["iam:Get*", "sts:GetCallerIdentity", "*:List*"] }),
    ]);
    const decide = (a: string) => run({ action: a, resource: "*" }, { identity: [p] }).decision;
    assert.equal(decide("iam:GetUser"), "allowed");
    assert.equal(decide("STS:getcalleridentity"), "allowed");
    assert.equal(decide("s3:ListBucket"), "allowed");
    assert.equal(decide("sts:AssumeRole"), "explicitDeny");
    assert.equal(decide("iam:CreateUser"), "explicitDeny");
  });
});
