import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const ACCOUNT = "000000000000";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const allow = (Action: string, Resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource }] });
const deny = (Action: string, Resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action, Resource }] });

describe("SimulatePrincipalPolicy", () => {
  let h: Harness;
  let user: string;
  let userArn: string;
  let group: string;
  let managedArn: string;
  before(async () => {
    h = await startHarness();
    user = unique("sim-user");
    group = unique("sim-group");
    const created = await h.iam.send(new CreateUserCommand({ UserName: user, Path: "/team/" }));
    userArn = created.User!.Arn!;
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    await h.iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "ReadBuckets", PolicyDocument: allow("s3:GetObject") }));
    await h.iam.send(new PutGroupPolicyCommand({ GroupName: group, PolicyName: "NoDeletes", PolicyDocument: deny("s3:DeleteObject") }));
    const policy = await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("Writers"), PolicyDocument: allow("s3:PutObject") }));
    managedArn = policy.Policy!.Arn!;
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: managedArn }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess" }));
  });
  after(async () => h.stop());
  const simulate = (input: Partial<SimulatePrincipalPolicyCommandInput>) =>
    h.iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn, ActionNames: [], ...input } as SimulatePrincipalPolicyCommandInput),
    );
  const decisions = async (input: Partial<SimulatePrincipalPolicyCommandInput>) =>
    (await simulate(input)).EvaluationResults!.map((r) => [
      r.EvalActionName,
      r.EvalDecision,
      r.MatchedStatements!.map((s) => s.SourcePolicyId),
    ]);

  it("evaluates a user's own, managed and group policies, naming each as AWS's simulator does", async () => {
    const name = managedArn.split("/").pop();
    assert.deepEqual(
      await decisions({ ActionNames: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "dynamodb:GetItem", "ec2:RunInstances"] }),
      [
        ["s3:GetObject", "allowed", [`user_${user}_ReadBuckets`]],
        ["s3:PutObject", "allowed", [name]],
        ["s3:DeleteObject", "explicitDeny", [`group_${group}_NoDeletes`]],
        ["dynamodb:GetItem", "allowed", ["AmazonDynamoDBReadOnlyAccess"]],
        ["ec2:RunInstances", "implicitDeny", []],
      ],
    );
    const [r] = (await simulate({ ActionNames: ["s3:GetObject"] })).EvaluationResults!;
    // After the `[` (column 37) to just after the statement's `}`, which the closing `]}` follow.
    const doc = allow("s3:GetObject");
    assert.equal(doc.indexOf("["), 36);
    assert.deepEqual(r.MatchedStatements![0], {
      SourcePolicyId: `user_${user}_ReadBuckets`,
      SourcePolicyType: "IAM Policy",
      StartPosition: { Line: 1, Column: 38 },
      EndPosition: { Line: 1, Column: doc.length - 1 },
    });
    assert.equal(r.EvalResourceName, "*");
    assert.equal(r.PermissionsBoundaryDecisionDetail, undefined);
  });

  it("evaluates a group's and a role's own policies", async () => {
    const groupArn = `arn:aws:iam::${ACCOUNT}:group/${group}`;
    assert.deepEqual(await decisions({ PolicySourceArn: groupArn, ActionNames: ["s3:GetObject", "s3:PutObject"] }), [
      ["s3:GetObject", "implicitDeny", []],
      ["s3:PutObject", "allowed", [managedArn.split("/").pop()]],
    ]);
    const role = unique("sim-role");
    const { Role } = await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: TRUST }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "Logs", PolicyDocument: allow("logs:PutLogEvents") }));
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" }));
    assert.deepEqual(await decisions({ PolicySourceArn: Role!.Arn, ActionNames: ["logs:PutLogEvents", "s3:ListBucket", "s3:PutObject"] }), [
      ["logs:PutLogEvents", "allowed", [`role_${role}_Logs`]],
      ["s3:ListBucket", "allowed", ["AmazonS3ReadOnlyAccess"]],
      ["s3:PutObject", "implicitDeny", []],
    ]);
  });

  it("adds PolicyInputList policies to the principal's", async () => {
    assert.deepEqual(
      await decisions({ ActionNames: ["sqs:SendMessage", "s3:DeleteObject"], PolicyInputList: [allow("sqs:*"), allow("s3:*")] }),
      [
        ["sqs:SendMessage", "allowed", ["PolicyInputList.1"]],
        ["s3:DeleteObject", "explicitDeny", [`group_${group}_NoDeletes`]],
      ],
    );
  });

  it("applies the principal's permissions boundary, or the one given instead", async () => {
    const bounded = unique("sim-bounded");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: bounded }));
    await h.iam.send(new PutUserPolicyCommand({ UserName: bounded, PolicyName: "All", PolicyDocument: allow("s3:*") }));
    const boundary = await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("Boundary"), PolicyDocument: allow("s3:GetObject") }));
    await h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: bounded, PermissionsBoundary: boundary.Policy!.Arn }));
    const out = await simulate({ PolicySourceArn: User!.Arn, ActionNames: ["s3:GetObject", "s3:PutObject"] });
    assert.deepEqual(
      out.EvaluationResults!.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary]),
      [
        ["allowed", true],
        ["implicitDeny", false],
      ],
    );
    const replaced = await simulate({
      PolicySourceArn: User!.Arn,
      ActionNames: ["s3:GetObject", "s3:PutObject"],
      PermissionsBoundaryPolicyInputList: [allow("s3:PutObject")],
    });
    assert.deepEqual(
      replaced.EvaluationResults!.map((r) => r.EvalDecision),
      ["implicitDeny", "allowed"],
    );
  });

  it("leaves out the policies PolicyExclusionList names", async () => {
    const actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "dynamodb:GetItem"];
    const run = async (PolicyExclusionList: SimulatePrincipalPolicyCommandInput["PolicyExclusionList"]) =>
      (await simulate({ ActionNames: actions, PolicyExclusionList })).EvaluationResults!.map((r) => r.EvalDecision);
    assert.deepEqual(await run([{ PolicyType: "inline" }]), ["implicitDeny", "allowed", "implicitDeny", "allowed"]);
    assert.deepEqual(await run([{ PolicyType: "aws-managed" }, { PolicyType: "user-managed" }]), [
      "allowed",
      "implicitDeny",
      "explicitDeny",
      "implicitDeny",
    ]);
    assert.deepEqual(await run([{ PolicyArn: "arn:aws:iam::aws:policy/AmazonDynamo*" }]), [
      "allowed",
      "allowed",
      "explicitDeny",
      "implicitDeny",
    ]);
    const inline = { PolicyName: "NoDeletes", AttachmentType: "group" as const, AttachmentName: `${group.slice(0, 4)}*` };
    assert.deepEqual(await run([{ InlinePolicyIdentifier: inline }]), ["allowed", "allowed", "implicitDeny", "allowed"]);
    assert.deepEqual(await run([{ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/NoSuchPolicy` }, { PolicyType: "scp" }]), [
      "allowed",
      "allowed",
      "explicitDeny",
      "allowed",
    ]);
    const twoStars = await awsError(run([{ PolicyArn: "arn:aws:iam::aws:policy/*Dynamo*" }]));
    assert.equal(twoStars.name, "InvalidInputException");
    const inPath = await awsError(run([{ PolicyArn: "arn:aws:iam::aws:policy/*/Name" }]));
    assert.equal(inPath.name, "InvalidInputException");
  });

  it("matches a resource policy's Principal against the user, the simulated caller by default", async () => {
    const bucket = (arn: string) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: arn }, Action: "s3:ListBucket", Resource: "arn:aws:s3:::shared" }],
      });
    const input = { ActionNames: ["s3:ListBucket"], ResourceArns: ["arn:aws:s3:::shared"] };
    const granted = await simulate({ ...input, ResourcePolicy: bucket(userArn) });
    assert.equal(granted.EvaluationResults![0].EvalDecision, "allowed");
    assert.deepEqual(
      granted.EvaluationResults![0].MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [["ResourcePolicy", "Resource Policy"]],
    );
    const other = `arn:aws:iam::${ACCOUNT}:user/someone-else`;
    const asOther = await simulate({ ...input, ResourcePolicy: bucket(userArn), CallerArn: other });
    assert.equal(asOther.EvaluationResults![0].EvalDecision, "implicitDeny");
    const namingOther = await simulate({ ...input, ResourcePolicy: bucket(other), CallerArn: other });
    assert.equal(namingOther.EvaluationResults![0].EvalDecision, "allowed");
  });

  it("answers for unknown, foreign and session sources as AWS does", async () => {
    assert.deepEqual(await awsError(simulate({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ["s3:GetObject"] })), {
      name: "NoSuchEntityException",
      status: 404,
      message: "The user with name nobody cannot be found.",
    });
    assert.deepEqual(await awsError(simulate({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/nobody`, ActionNames: ["s3:GetObject"] })), {
      name: "NoSuchEntityException",
      status: 404,
      message: "The role with name nobody cannot be found.",
    });
    assert.deepEqual(await awsError(simulate({ PolicySourceArn: "arn:aws:iam::111122223333:user/bob", ActionNames: ["s3:GetObject"] })), {
      name: "InvalidInputException",
      status: 400,
      message: `Invalid Policy Source Arn: caller's account ${ACCOUNT} does not have access to policies in account 111122223333`,
    });
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/R/session`;
    assert.deepEqual(await awsError(simulate({ PolicySourceArn: session, ActionNames: ["s3:GetObject"] })), {
      name: "InvalidInputException",
      status: 400,
      message: `Invalid Entity Arn: ${session} does not clearly define entity type and name.`,
    });
    const malformed = await awsError(simulate({ ActionNames: ["s3:GetObject"], PolicyInputList: ['{"Statement": []'] }));
    assert.equal(malformed.name, "MalformedPolicyDocumentException");
    const required = await awsError(
      h.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn } as SimulatePrincipalPolicyCommandInput)),
    );
    assert.equal(required.name, "ValidationError");
  });
});
