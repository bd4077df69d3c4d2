import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkNoNewAccess, type NewAccessKind } from "../../lib/policy/new-access";
import { doc, lets } from "./policy-new-access-helpers";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

type St = Record<string, unknown>;

const ACTIONS = [
  "s3:GetObject",
  "s3:PutObject",
  "s3:Get*",
  "s3:*",
  "iam:CreateUser",
  "iam:Get*",
  "ec2:DescribeInstances",
  "sqs:SendMessage",
];
const RESOURCES = [
  "*",
  "arn:aws:s3:::bucket-a/*",
  "arn:aws:s3:::bucket-*/*",
  "arn:aws:s3:::*",
  "arn:aws:iam::111122223333:user/*",
  "arn:aws:sqs:*:*:queue-?",
];
const CONDITIONS: St[] = [
  { Bool: { "aws:MultiFactorAuthPresent": "true" } },
  { StringEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] } },
  { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } },
  { IpAddress: { "aws:SourceIp": "10.0.0.0/16" } },
  { NumericLessThan: { "s3:max-keys": "10" } },
  { StringLike: { "aws:PrincipalTag/team": "ops-*" } },
];
const PRINCIPALS: unknown[] = [
  "*",
  { AWS: "arn:aws:iam::444455556666:root" },
  { AWS: "111122223333" },
  { AWS: "arn:aws:iam::111122223333:role/admin" },
  { Service: "lambda.amazonaws.com" },
  { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
];
const TRUST_ACTIONS = ["sts:AssumeRole", "sts:TagSession", "sts:AssumeRoleWithWebIdentity", "sts:*"];

const some = <T>(values: T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 });

const statement = (actions: string[], allowNot: boolean): fc.Arbitrary<St> =>
  fc
    .record({
      effect: fc.constantFrom("Allow", "Allow", "Deny"),
      not: allowNot ? fc.boolean() : fc.constant(false),
      actions: some(actions),
      resources: some(RESOURCES),
      condition: fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined }),
    })
    .map(({ effect, not, actions: a, resources, condition }) => ({
      Effect: effect,
      [not && effect === "Allow" ? "NotAction" : "Action"]: a,
      Resource: resources,
      ...(condition ? { Condition: condition } : {}),
    }));

const trustStatement: fc.Arbitrary<St> = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    principal: fc.constantFrom(...PRINCIPALS),
    actions: some(TRUST_ACTIONS),
    condition: fc.option(fc.constantFrom(...CONDITIONS, { StringEquals: { "sts:ExternalId": "abc" } }), { nil: undefined }),
  })
  .map(({ effect, principal, actions, condition }) => ({
    Effect: effect,
    Principal: principal,
    Action: actions,
    ...(condition ? { Condition: condition } : {}),
  }));

const statements = (kind: NewAccessKind) =>
  fc.array(kind === "trust" ? trustStatement : statement([...ACTIONS, "*"], true), { minLength: 1, maxLength: 4 });

/** Both blocks' conditions, operator by operator: a statement with more conditions matches fewer requests. */
function withCondition(block: St | undefined, more: St): St {
  const out: St = { ...block };
  for (const [op, keys] of Object.entries(more)) out[op] = { ...(out[op] as St), ...(keys as St) };
  return out;
}

const KINDS: NewAccessKind[] = ["identity", "trust", "scp"];

describe("checkNoNewAccess properties (seed " + SEED + ")", () => {
  it("(a) every witness is allowed by the new document and not by the existing one", () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(statements(kind), statements(kind), (a, b) => {
          const previous = doc(...a);
          const next = doc(...b);
          for (const w of checkNoNewAccess(previous, next, kind).witnesses) {
            assert.equal(lets(kind, next, w.request), true);
            assert.equal(lets(kind, previous, w.request), false);
          }
        }),
        params,
      );
    }
  });

  it("(b) a statement allowing an action nothing else names always fails, naming it", () => {
    const fresh = fc.constantFrom("sns:Publish", "dynamodb:PutItem", "clefsvc:DoThing", "kms:Decrypt");
    fc.assert(
      fc.property(fc.array(statement(ACTIONS, false), { minLength: 1, maxLength: 4 }), fresh, (a, action) => {
        const previous = doc(...a);
        const r = checkNoNewAccess(previous, doc(...a, { Effect: "Allow", Action: action, Resource: "*" }), "identity");
        assert.equal(r.result, "FAIL");
        assert.ok(r.witnesses.some((w) => w.actions.includes(action)));
      }),
      params,
    );
  });

  it("(c) a document never grants new access over itself", () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(statements(kind), (a) => {
          const text = doc(...a);
          assert.deepEqual(checkNoNewAccess(text, text, kind), { result: "PASS", witnesses: [] });
        }),
        params,
      );
    }
  });

  it("(d) removing Allow statements, adding conditions to them or adding a Deny never fails", () => {
    const narrowings = fc.constantFrom("remove", "condition", "deny");
    for (const kind of KINDS) {
      fc.assert(
        fc.property(statements(kind), narrowings, fc.nat(), fc.constantFrom(...CONDITIONS), (a, how, at, condition) => {
          const i = at % a.length;
          const narrower =
            how === "remove"
              ? a.filter((s, j) => j !== i || s.Effect === "Deny")
              : how === "condition"
                ? a.map((s, j) => (j === i && s.Effect === "Allow" ? { ...s, Condition: withCondition(s.Condition as St, condition) } : s))
                : [...a, { ...a[i], Effect: "Deny" }];
          if (!narrower.length) return;
          assert.equal(checkNoNewAccess(doc(...a), doc(...narrower), kind).result, "PASS");
        }),
        params,
      );
    }
  });
});
