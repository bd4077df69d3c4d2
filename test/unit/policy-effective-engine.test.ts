import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { allActionNames, expandActions } from "../../lib/policy/catalogue";
import { effectivePermissions } from "../../lib/policy/effective";
import { expandPattern } from "../../lib/policy/effective/action-index";
import { compilePolicy, evaluate, type PolicyInput, type PrincipalInfo } from "../../lib/policy/evaluate";

type Entry = [name: string, path: string, versionId: string, created: string, updated: string, versionCreated: string, document: unknown];
type Doc = {
  Statement:
    { Action?: string | string[]; NotAction?: string | string[] } | { Action?: string | string[]; NotAction?: string | string[] }[];
};

const data = join(__dirname, "../../local-aws/iam/data/managed-policies.json.gz");
const managed = (JSON.parse(gunzipSync(readFileSync(data)).toString("utf8")) as { policies: Entry[] }).policies;
const aws = (name: string): PolicyInput => {
  const [, path, , , , , document] = managed.find((p) => p[0] === name)!;
  return { id: `arn:aws:iam::aws:policy${path}${name}`, name, text: JSON.stringify(document, null, 4), sourceType: "aws-managed" };
};
const custom = (name: string, Statement: unknown[]): PolicyInput => ({
  id: name,
  name,
  text: JSON.stringify({ Version: "2012-10-17", Statement }),
});

describe("effective permissions against the rest of lib/policy", () => {
  it("expands every Action and NotAction value of AWS's managed policies as expandActions does", () => {
    const patterns = new Set<string>();
    for (const [, , , , , , document] of managed) {
      for (const s of [(document as Doc).Statement].flat()) for (const p of [s.Action ?? s.NotAction ?? []].flat()) patterns.add(p);
    }
    assert.ok(patterns.size > 10_000);
    const names = allActionNames();
    for (const p of patterns)
      assert.deepEqual(
        [...expandPattern(p)].map((i) => names[i]),
        [...expandActions(p)],
        p,
      );
  });

  it("agrees with the evaluation engine on every catalogue action (managed policies, boundary, SCP levels)", () => {
    const identity = [
      aws("PowerUserAccess"),
      aws("IAMReadOnlyAccess"),
      custom("no-delete", [{ Effect: "Deny", Action: ["s3:Delete*", "ec2:Delete*"], Resource: "*" }]),
    ];
    const boundary = custom("boundary", [
      { Effect: "Allow", Action: ["s3:*", "ec2:*", "iam:*", "lambda:*", "organizations:Describe*"], Resource: "*" },
      { Effect: "Deny", Action: "lambda:Delete*", Resource: "*" },
    ]);
    const scps = [
      [custom("FullAWSAccess", [{ Effect: "Allow", Action: "*", Resource: "*" }])],
      [
        custom("guardrails", [
          { Effect: "Allow", NotAction: "ec2:RunInstances", Resource: "*" },
          { Effect: "Deny", Action: "iam:Get*", Resource: "*" },
        ]),
      ],
    ];
    const r = effectivePermissions({ identity, boundary, scps });
    const status = new Map<string, string>();
    const denied = new Set<string>();
    const blocked = new Map<string, string[]>();
    for (const s of r.services) {
      for (const l of s.levels) {
        for (const a of l.allowedActions) status.set(a.action, a.status);
        for (const a of l.deniedActions) denied.add(a.action);
        for (const a of l.blockedActions)
          blocked.set(
            a.action,
            a.blockedBy.map((b) => b.layer),
          );
      }
    }
    assert.ok(status.size > 1000 && [...status.values()].every((s) => s === "full"), "these policies have no resources or conditions");
    assert.ok(blocked.size > 1000, "the boundary and the SCPs block much of PowerUserAccess");

    const principal: PrincipalInfo = { arn: "arn:aws:iam::111122223333:user/bob", account: "111122223333", kind: "user" };
    const compiled = {
      identity: identity.map(compilePolicy),
      boundary: compilePolicy(boundary),
      scps: scps.map((l) => l.map(compilePolicy)),
    };
    for (const action of allActionNames()) {
      const { decision, deniedBy } = evaluate({ request: { action, resource: "*", principal, context: {} }, ...compiled });
      const expected = status.has(action) ? "allowed" : denied.has(action) ? "explicitDeny" : "implicitDeny";
      assert.equal(decision, expected, action);
      // The engine names the first layer that allowed nothing, in AWS's order: SCP levels, then identity, then boundary.
      if (blocked.has(action)) assert.ok(blocked.get(action)!.includes(deniedBy!), action);
      else if (decision === "implicitDeny") assert.ok(deniedBy === "identity" || deniedBy === "scp", action);
    }
  });
});
