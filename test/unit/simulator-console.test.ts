import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { explain } from "../../components/simulator/explain";
import { contextErrorOf, errorUnder, validateDraft, type SimulationDraft } from "../../components/simulator/simulation-form";
import { statementRange } from "../../components/simulator/statement-range";
import type { SimulationRow } from "../../lib/queries/simulator";

const row = (over: Partial<SimulationRow>): SimulationRow => ({
  id: "x",
  action: "s3:GetObject",
  resource: "*",
  decision: "implicitDeny",
  matchedStatements: [],
  missingContextValues: [],
  ...over,
});
const stmt = (id: string, type = "IAM Policy") => ({
  sourcePolicyId: id,
  sourcePolicyType: type,
  start: { line: 1, column: 1 },
  end: { line: 1, column: 2 },
});

describe("statementRange", () => {
  const text = '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    },\n    {\n      "Effect": "Deny"\n    }\n  ]\n}';
  it("starts at the statement's own brace when AWS starts after the list's [", () => {
    assert.deepEqual(statementRange(text, { start: { line: 2, column: 17 }, end: { line: 5, column: 6 } }), {
      start: { line: 3, column: 5 },
      end: { line: 5, column: 6 },
    });
  });
  it("skips the previous statement's comma", () => {
    assert.deepEqual(statementRange(text, { start: { line: 5, column: 6 }, end: { line: 8, column: 6 } }).start, { line: 6, column: 5 });
  });
  it("steps back onto the brace of a lone statement object", () => {
    const lone = '{"Statement": {"Effect": "Allow"}}';
    assert.deepEqual(statementRange(lone, { start: { line: 1, column: 16 }, end: { line: 1, column: 34 } }).start, { line: 1, column: 15 });
  });
});

describe("explain", () => {
  it("names the identity-based policy of an explicit deny, by the name a person knows", () => {
    const e = explain(row({ decision: "explicitDeny", matchedStatements: [stmt("user_alice_NoDelete")] }), (id) => id.split("_").pop()!);
    assert.equal(e.layer, "identity");
    assert.equal(e.summary, "Explicitly denied by a Deny statement in the identity-based policy NoDelete.");
  });
  it("puts SCPs before the boundary and the boundary before identity-based policies, as AWS evaluates them", () => {
    assert.equal(explain(row({ allowedByOrganizations: false, allowedByBoundary: false })).layer, "scp");
    assert.equal(explain(row({ allowedByBoundary: false })).layer, "boundary");
    assert.equal(explain(row({})).layer, "identity");
    assert.equal(
      explain(row({ decision: "explicitDeny", allowedByBoundary: false })).summary,
      "Explicitly denied by a Deny statement in the permissions boundary.",
    );
  });
  it("blames a cross-account resource-based policy only when the identity-based policies allowed", () => {
    const e = explain(row({ decisionDetails: { "IAM Policy": "allowed", "Resource Policy": "implicitDeny" } }));
    assert.equal(e.layer, "resource");
  });
  it("says which context keys were missing", () => {
    const e = explain(row({ missingContextValues: ["aws:SourceIp"] }));
    assert.match(e.details.at(-1)!, /aws:SourceIp/);
  });
  it("has no deciding layer when allowed", () => {
    const e = explain(row({ decision: "allowed", matchedStatements: [stmt("P")], allowedByBoundary: true }));
    assert.equal(e.layer, undefined);
    assert.deepEqual(e.details, ["Allowed by the identity-based policy P.", "The permissions boundary allows it too."]);
  });
});

describe("validateDraft", () => {
  const draft = (over: Partial<SimulationDraft>): SimulationDraft => ({
    kind: "user",
    policies: [],
    actions: ["s3:GetObject"],
    resources: "*",
    context: [],
    ...over,
  });
  it("asks for a principal, an action and ARNs, at their fields", () => {
    const errors = validateDraft(draft({ actions: [], resources: "*\nnot-an-arn" }));
    assert.equal(errors["source.arn"], "Choose a user.");
    assert.equal(errors.actions, "Choose at least one action.");
    assert.deepEqual(errorUnder(errors, "resources"), {
      message: 'Enter "*" or an ARN, such as arn:aws:s3:::amzn-s3-demo-bucket/*.',
      index: 1,
    });
  });
  it("checks custom policies with IAM's grammar", () => {
    const errors = validateDraft(
      draft({ kind: "custom", policies: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}'] }),
    );
    assert.equal(errors["source.policies.0"], "Policy statement must contain resources.");
  });
  it("types context values, and maps errors back to the rows on screen (empty rows are not sent)", () => {
    const context = [
      { key: "aws:MultiFactorAuthPresent", type: "boolean" as const, value: "" },
      { key: "aws:SourceIp", type: "ip" as const, value: "not-an-ip" },
      { key: "aws:PrincipalTag/team", type: "stringList" as const, value: "a, b" },
    ];
    const errors = validateDraft(draft({ principalArn: "arn:aws:iam::000000000000:user/alice", context }));
    const at = contextErrorOf(errors, context);
    assert.equal(at(0, "values"), undefined);
    assert.equal(at(1, "values"), '"not-an-ip" is not an IP address or CIDR block, such as 203.0.113.0/24.');
    assert.equal(at(2, "values"), undefined);
  });
});
