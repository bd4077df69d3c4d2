import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetPolicyVersionCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const ALLOW_ALL = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

/** A document of exactly `size` characters whose Statement (or the whole document) nests arrays as deep as it fits. */
function nested(size: number, where: "root" | "statement" | "condition"): string {
  const [head, tail] =
    where === "root"
      ? ["", ""]
      : where === "statement"
        ? ['{"Version":"2012-10-17","Statement":', "}"]
        : ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":', "}}}}"];
  const depth = Math.floor((size - head.length - tail.length) / 2);
  const doc = head + "[".repeat(depth) + "]".repeat(depth) + tail;
  return doc.length < size ? doc + " " : doc;
}

describe("deeply nested policy documents", () => {
  let h: Harness;
  const userName = unique("nest-user");
  let policyArn: string;
  before(async () => {
    h = await startHarness();
    await h.iam.send(new CreateUserCommand({ UserName: userName }));
    policyArn = (await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("nest"), PolicyDocument: ALLOW_ALL }))).Policy!.Arn!;
  });
  after(async () => h.stop());

  const actions: [string, number, (doc: string) => Promise<unknown>][] = [
    ["CreatePolicy", 6144, (doc) => h.iam.send(new CreatePolicyCommand({ PolicyName: unique("deep"), PolicyDocument: doc }))],
    ["CreatePolicyVersion", 6144, (doc) => h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: doc }))],
    ["PutUserPolicy", 2048, (doc) => h.iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "deep", PolicyDocument: doc }))],
    ["CreateRole", 2048, (doc) => h.iam.send(new CreateRoleCommand({ RoleName: unique("deep"), AssumeRolePolicyDocument: doc }))],
    [
      "SimulateCustomPolicy",
      6144,
      (doc) => h.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc], ActionNames: ["iam:ListUsers"] })),
    ],
  ];

  for (const [action, quota, call] of actions) {
    it(`${action} answers MalformedPolicyDocument for nesting up to its size quota and up to the API's 131,072 characters`, async () => {
      for (const size of [quota, 131072]) {
        for (const where of ["root", "statement", "condition"] as const) {
          const e = await awsError(call(nested(size, where)));
          assert.equal(e.status, 400, `${where} ${size}: ${e.name} ${e.message}`);
          assert.equal(e.name, "MalformedPolicyDocumentException", `${where} ${size}`);
          assert.equal(e.message, "Syntax errors in policy.", `${where} ${size}`);
        }
      }
    });
  }

  it("stores and serves a valid policy that carries a deep value where IAM accepts any JSON", async () => {
    const depth = 2900;
    const doc = `{"Version":"2012-10-17","Conditions":${"[".repeat(depth)}${"]".repeat(depth)},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`;
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("deep-ok"), PolicyDocument: doc }));
    const { PolicyVersion } = await h.iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: "v1" }));
    assert.equal(decodeURIComponent(PolicyVersion!.Document!), doc);
    const sim = await h.iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [doc], ActionNames: ["s3:GetObject", "iam:ListUsers"] }),
    );
    assert.deepEqual(
      sim.EvaluationResults!.map((r) => r.EvalDecision),
      ["allowed", "implicitDeny"],
    );
  });
});
