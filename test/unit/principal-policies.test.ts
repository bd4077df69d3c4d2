import "../helpers/server-only";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { IAMClient } from "@aws-sdk/client-iam";
import { gatherPrincipalPolicies } from "../../lib/server/services/principal-policies";

// A fake IAM answering the reads gatherPrincipalPolicies makes, counting each action it is asked for.
type Policy = { id: string; defaultVersion: string; versions: Record<string, string> };
type Account = {
  policies: Record<string, Policy>;
  attached: Record<string, string[]>;
  inline: Record<string, Record<string, string>>;
  groups: Record<string, string[]>;
  boundary?: string;
};

const arn = (name: string) => `arn:aws:iam::123456789012:policy/${name}`;
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

function fakeIam(account: Account, accessKeyId = "AKIAFAKE") {
  const calls: string[] = [];
  const answer = (action: string, input: Record<string, string>) => {
    const name = input.UserName ?? input.GroupName ?? input.RoleName;
    const policy = input.PolicyArn ? account.policies[input.PolicyArn] : undefined;
    switch (action) {
      case "ListGroupsForUser":
        return { Groups: (account.groups[name] ?? []).map((GroupName) => ({ GroupName })) };
      case "ListAttachedUserPolicies":
      case "ListAttachedGroupPolicies":
      case "ListAttachedRolePolicies":
        return { AttachedPolicies: (account.attached[name] ?? []).map((a) => ({ PolicyArn: a, PolicyName: a.split("/").pop() })) };
      case "ListUserPolicies":
      case "ListGroupPolicies":
      case "ListRolePolicies":
        return { PolicyNames: Object.keys(account.inline[name] ?? {}) };
      case "GetUserPolicy":
      case "GetGroupPolicy":
      case "GetRolePolicy":
        return { PolicyDocument: encodeURIComponent(account.inline[name][input.PolicyName]) };
      case "GetPolicy":
        return { Policy: { Arn: input.PolicyArn, PolicyId: policy!.id, DefaultVersionId: policy!.defaultVersion } };
      case "GetPolicyVersion":
        return { PolicyVersion: { VersionId: input.VersionId, Document: encodeURIComponent(policy!.versions[input.VersionId]) } };
      case "GetUser":
        return { User: account.boundary ? { PermissionsBoundary: { PermissionsBoundaryArn: account.boundary } } : {} };
      case "GetRole":
        return { Role: {} };
      default:
        throw new Error(`unexpected ${action}`);
    }
  };
  const iam = {
    config: { credentials: async () => ({ accessKeyId, secretAccessKey: "x" }) },
    async send(command: { input: Record<string, string> }) {
      const action = command.constructor.name.replace(/Command$/, "");
      calls.push(action);
      return answer(action, command.input);
    },
  };
  return { iam: iam as unknown as IAMClient, calls, count: (action: string) => calls.filter((c) => c === action).length };
}

describe("gatherPrincipalPolicies", () => {
  it("returns the user's own policies, then its groups', then the boundary, reading a policy used twice once", async () => {
    const account: Account = {
      policies: {
        [arn("Shared")]: { id: "ANPASHARED", defaultVersion: "v1", versions: { v1: doc("s3:GetObject") } },
        [arn("Team")]: { id: "ANPATEAM", defaultVersion: "v2", versions: { v1: doc("sqs:*"), v2: doc("sns:*") } },
      },
      attached: { alice: [arn("Shared")], devs: [arn("Shared"), arn("Team")] },
      inline: { alice: { own: doc("ec2:DescribeInstances") } },
      groups: { alice: ["devs"] },
      boundary: arn("Shared"),
    };
    const fake = fakeIam(account, "AKIAONCE");
    const sources = await gatherPrincipalPolicies(fake.iam, { type: "user", name: "alice" });
    assert.deepEqual(
      sources.map((s) => [s.policyName, s.attachedTo.name, s.layer, s.document]),
      [
        ["Shared", "alice", "identity", doc("s3:GetObject")],
        ["own", "alice", "identity", doc("ec2:DescribeInstances")],
        ["Shared", "devs", "identity", doc("s3:GetObject")],
        ["Team", "devs", "identity", doc("sns:*")],
        ["Shared", "alice", "boundary", doc("s3:GetObject")],
      ],
    );
    assert.equal(fake.count("GetPolicy"), 2);
    assert.equal(fake.count("GetPolicyVersion"), 2);
  });

  it("remembers a version's document for the same caller, and still reads the default version ID each time", async () => {
    const account: Account = {
      policies: { [arn("P")]: { id: "ANPAP", defaultVersion: "v1", versions: { v1: doc("s3:*"), v2: doc("iam:*") } } },
      attached: { app: [arn("P")] },
      inline: {},
      groups: {},
    };
    const first = fakeIam(account, "AKIASAME");
    await gatherPrincipalPolicies(first.iam, { type: "role", name: "app" });
    assert.equal(first.count("GetPolicyVersion"), 1);

    const again = fakeIam(account, "AKIASAME");
    const cached = await gatherPrincipalPolicies(again.iam, { type: "role", name: "app" });
    assert.equal(again.count("GetPolicy"), 1);
    assert.equal(again.count("GetPolicyVersion"), 0);
    assert.equal(cached[0].document, doc("s3:*"));

    account.policies[arn("P")].defaultVersion = "v2";
    const newDefault = fakeIam(account, "AKIASAME");
    const updated = await gatherPrincipalPolicies(newDefault.iam, { type: "role", name: "app" });
    assert.equal(newDefault.count("GetPolicyVersion"), 1);
    assert.equal(updated[0].document, doc("iam:*"));
  });

  it("reads the document again for another caller, or for a policy deleted and created again under the same ARN", async () => {
    const account: Account = {
      policies: { [arn("Q")]: { id: "ANPAQ1", defaultVersion: "v1", versions: { v1: doc("s3:*") } } },
      attached: { app: [arn("Q")] },
      inline: {},
      groups: {},
    };
    await gatherPrincipalPolicies(fakeIam(account, "AKIAFIRST").iam, { type: "role", name: "app" });

    const other = fakeIam(account, "AKIAOTHER");
    await gatherPrincipalPolicies(other.iam, { type: "role", name: "app" });
    assert.equal(other.count("GetPolicyVersion"), 1);

    account.policies[arn("Q")] = { id: "ANPAQ2", defaultVersion: "v1", versions: { v1: doc("kms:*") } };
    const recreated = fakeIam(account, "AKIAFIRST");
    const sources = await gatherPrincipalPolicies(recreated.iam, { type: "role", name: "app" });
    assert.equal(recreated.count("GetPolicyVersion"), 1);
    assert.equal(sources[0].document, doc("kms:*"));
  });
});
