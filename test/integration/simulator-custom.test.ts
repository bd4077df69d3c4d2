import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { SimulateCustomPolicyCommand, type SimulateCustomPolicyCommandInput } from "@aws-sdk/client-iam";
import { awsError, startHarness, type Harness } from "../helpers/local-aws";

const ACCOUNT = "000000000000";
const USER = `arn:aws:iam::${ACCOUNT}:user/dummy`;

/** AWS CLI's simulate-custom-policy example: DynamoDB after a date, one statement object. */
const DATED = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}`;
const at = (date: string) => [{ ContextKeyName: "aws:CurrentTime", ContextKeyValues: [date], ContextKeyType: "date" as const }];

/** A bucket policy as S3 returns it (compact) and a role policy as Python's json.dumps writes it. */
const BUCKET_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "*",
      Resource: ["arn:aws:s3:::tims-fancy-bucket/*", "arn:aws:s3:::tims-fancy-bucket"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyTimDelete",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:DeleteObject",
      Resource: "arn:aws:s3:::tims-fancy-bucket/*",
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::112233445566:role/tims-test-role" } },
    },
  ],
});
const ROLE_POLICY = `{"Version": "2012-10-17", "Statement": [{"Sid": "s3", "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::tims-fancy-bucket/only-here/*"]}]}`;
const OBJECT = "arn:aws:s3:::tims-fancy-bucket/only-here/some-obj";

const allow = (Action: string, Resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource }] });
const deny = (Action: string, Resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action, Resource }] });
const pos = (Line: number, Column: number) => ({ Line, Column });

describe("SimulateCustomPolicy", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  const simulate = (input: Partial<SimulateCustomPolicyCommandInput>) =>
    h.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [], ActionNames: [], ...input } as SimulateCustomPolicyCommandInput));

  it("allows with the statement's position as AWS's CLI example shows it (ResourceArns default to *)", async () => {
    const out = await simulate({
      PolicyInputList: [DATED],
      ActionNames: ["dynamodb:CreateBackup"],
      ContextEntries: at("2019-04-25T11:00:00Z"),
    });
    assert.equal(out.IsTruncated, false);
    assert.equal(out.Marker, undefined);
    assert.deepEqual(out.EvaluationResults, [
      {
        EvalActionName: "dynamodb:CreateBackup",
        EvalResourceName: "*",
        EvalDecision: "allowed",
        MatchedStatements: [
          { SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "IAM Policy", StartPosition: pos(1, 38), EndPosition: pos(1, 167) },
        ],
        MissingContextValues: [],
      },
    ]);
  });

  it("denies implicitly, with no matched statements, when the condition fails", async () => {
    const out = await simulate({
      PolicyInputList: [DATED],
      ActionNames: ["dynamodb:CreateBackup"],
      ContextEntries: at("2014-04-25T11:00:00Z"),
    });
    const [r] = out.EvaluationResults!;
    assert.equal(r.EvalDecision, "implicitDeny");
    assert.deepEqual(r.MatchedStatements, []);
    assert.deepEqual(r.MissingContextValues, []);
  });

  it("simulates a resource policy with per-resource results, positions as AWS reports them", async () => {
    const out = await simulate({
      PolicyInputList: [ROLE_POLICY],
      CallerArn: USER,
      ResourcePolicy: BUCKET_POLICY,
      ResourceArns: [OBJECT],
      ActionNames: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      ContextEntries: [
        {
          ContextKeyName: "aws:principalarn",
          ContextKeyValues: ["arn:aws:iam::112233445566:role/tims-test-role"],
          ContextKeyType: "string",
        },
        { ContextKeyName: "aws:SecureTransport", ContextKeyValues: ["true"], ContextKeyType: "boolean" },
      ],
    });
    const [get, put, del] = out.EvaluationResults!;
    const identity = {
      SourcePolicyId: "PolicyInputList.1",
      SourcePolicyType: "IAM Policy",
      StartPosition: pos(1, 41),
      EndPosition: pos(1, 180),
    };
    const denyDelete = {
      SourcePolicyId: "ResourcePolicy",
      SourcePolicyType: "Resource Policy",
      StartPosition: pos(1, 248),
      EndPosition: pos(1, 470),
    };
    assert.deepEqual(get, {
      EvalActionName: "s3:GetObject",
      EvalResourceName: "arn:${Partition}:s3:::${BucketName}/${ObjectName}",
      EvalDecision: "allowed",
      MatchedStatements: [identity],
      MissingContextValues: [],
      EvalDecisionDetails: {},
      ResourceSpecificResults: [
        { EvalResourceName: OBJECT, EvalResourceDecision: "allowed", MatchedStatements: [identity], MissingContextValues: [] },
      ],
    });
    assert.equal(put.EvalDecision, "implicitDeny");
    assert.deepEqual(put.MatchedStatements, []);
    assert.equal(del.EvalDecision, "explicitDeny");
    assert.deepEqual(del.MatchedStatements, [denyDelete]);
    assert.deepEqual(del.ResourceSpecificResults![0].MatchedStatements, [denyDelete]);

    const insecure = await simulate({
      PolicyInputList: [ROLE_POLICY],
      CallerArn: USER,
      ResourcePolicy: BUCKET_POLICY,
      ResourceArns: [OBJECT],
      ActionNames: ["s3:GetObject"],
      ContextEntries: [{ ContextKeyName: "aws:SecureTransport", ContextKeyValues: ["false"], ContextKeyType: "boolean" }],
    });
    const [r] = insecure.EvaluationResults!;
    assert.equal(r.EvalDecision, "explicitDeny");
    assert.deepEqual(r.MatchedStatements, [
      { SourcePolicyId: "ResourcePolicy", SourcePolicyType: "Resource Policy", StartPosition: pos(1, 38), EndPosition: pos(1, 248) },
    ]);
    assert.deepEqual(r.MissingContextValues, ["aws:PrincipalArn"]);
  });

  it("locates statements in a multi-line document by line and column", async () => {
    const admin = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}`;
    const out = await simulate({ PolicyInputList: [admin], ActionNames: ["s3:GetObject"] });
    assert.deepEqual(out.EvaluationResults![0].MatchedStatements, [
      { SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "IAM Policy", StartPosition: pos(3, 17), EndPosition: pos(8, 6) },
    ]);
    const crlf = admin.replace(/\n/g, "\r\n");
    const again = await simulate({ PolicyInputList: [crlf], ActionNames: ["s3:GetObject"] });
    assert.deepEqual(again.EvaluationResults![0].MatchedStatements![0].EndPosition, pos(8, 6));
  });

  it("lets an explicit deny in any policy win, listing only the deny", async () => {
    const out = await simulate({
      PolicyInputList: [allow("s3:*"), deny("s3:DeleteObject")],
      ActionNames: ["s3:GetObject", "s3:DeleteObject"],
    });
    const [get, del] = out.EvaluationResults!;
    assert.equal(get.EvalDecision, "allowed");
    assert.deepEqual(
      get.MatchedStatements!.map((s) => s.SourcePolicyId),
      ["PolicyInputList.1"],
    );
    assert.equal(del.EvalDecision, "explicitDeny");
    assert.deepEqual(
      del.MatchedStatements!.map((s) => s.SourcePolicyId),
      ["PolicyInputList.2"],
    );
  });

  it("aggregates several resources into one result per action, most restrictive first", async () => {
    const policies = [allow("s3:GetObject", "arn:aws:s3:::a/*"), deny("s3:GetObject", "arn:aws:s3:::b/*")];
    const resources = ["arn:aws:s3:::a/x", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x"];
    const out = await simulate({ PolicyInputList: policies, ActionNames: ["s3:GetObject"], ResourceArns: resources });
    const [r] = out.EvaluationResults!;
    assert.equal(out.EvaluationResults!.length, 1);
    assert.equal(r.EvalDecision, "explicitDeny");
    assert.deepEqual(
      r.MatchedStatements!.map((s) => s.SourcePolicyId),
      ["PolicyInputList.2"],
    );
    assert.deepEqual(
      r.ResourceSpecificResults!.map((x) => [x.EvalResourceName, x.EvalResourceDecision, x.MatchedStatements!.length]),
      [
        ["arn:aws:s3:::a/x", "allowed", 1],
        ["arn:aws:s3:::b/x", "explicitDeny", 1],
        ["arn:aws:s3:::c/x", "implicitDeny", 0],
      ],
    );
    assert.deepEqual(r.EvalDecisionDetails, {});
  });

  it("names the action's resource type template, or * for an action with no resource type", async () => {
    const out = await simulate({
      PolicyInputList: [allow("*")],
      ActionNames: ["iam:CreateUser", "iam:ListUsers", "s3:ListBucket"],
      ResourceArns: [`arn:aws:iam::${ACCOUNT}:user/bob`, "arn:aws:s3:::bucket"],
    });
    assert.deepEqual(
      out.EvaluationResults!.map((r) => r.EvalResourceName),
      ["arn:${Partition}:iam::${Account}:user/${UserNameWithPath}", "*", "arn:${Partition}:s3:::${BucketName}"],
    );
  });

  it("applies a permissions boundary and reports whether it allowed", async () => {
    const out = await simulate({
      PolicyInputList: [allow("s3:*")],
      PermissionsBoundaryPolicyInputList: [allow("s3:GetObject")],
      ActionNames: ["s3:GetObject", "s3:PutObject"],
    });
    const [get, put] = out.EvaluationResults!;
    assert.equal(get.EvalDecision, "allowed");
    assert.deepEqual(get.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: true });
    assert.deepEqual(
      get.MatchedStatements!.map((s) => s.SourcePolicyId),
      ["PolicyInputList.1"],
    );
    assert.equal(put.EvalDecision, "implicitDeny");
    assert.deepEqual(put.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false });
    assert.deepEqual(put.MatchedStatements, []);

    const e = await awsError(
      simulate({
        PolicyInputList: [allow("s3:*")],
        PermissionsBoundaryPolicyInputList: [allow("s3:*"), allow("s3:*")],
        ActionNames: ["s3:GetObject"],
      }),
    );
    assert.equal(e.name, "InvalidInputException");
  });

  it("applies service control policies level by level and reports OrganizationsDecisionDetail", async () => {
    const levels = (...scps: string[][]) => scps.map((ServiceControlPolicyInputList) => ({ ServiceControlPolicyInputList }));
    const out = await simulate({
      PolicyInputList: [allow("s3:*")],
      ActionNames: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      OrderedOrganizationPolicyInputList: levels(
        [allow("*")],
        [allow("s3:GetObject"), allow("s3:DeleteObject")],
        [allow("*"), deny("s3:DeleteObject")],
      ),
    });
    const [get, put, del] = out.EvaluationResults!;
    assert.equal(get.EvalDecision, "allowed");
    assert.deepEqual(get.OrganizationsDecisionDetail, { AllowedByOrganizations: true });
    assert.deepEqual(
      get.MatchedStatements!.map((s) => s.SourcePolicyId),
      ["PolicyInputList.1"],
    );
    assert.equal(put.EvalDecision, "implicitDeny");
    assert.deepEqual(put.OrganizationsDecisionDetail, { AllowedByOrganizations: false });
    assert.equal(del.EvalDecision, "explicitDeny");
    assert.deepEqual(del.MatchedStatements, []);
    assert.equal(del.EvalDecisionDetails, undefined);
    const plain = await simulate({ PolicyInputList: [allow("s3:*")], ActionNames: ["s3:GetObject"] });
    assert.equal(plain.EvaluationResults![0].OrganizationsDecisionDetail, undefined);
  });

  it("reports each policy type's decision for a cross-account resource", async () => {
    const bucketPolicy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: USER }, Action: "s3:GetObject", Resource: "arn:aws:s3:::other/*" }],
    });
    const input = {
      PolicyInputList: [allow("s3:GetObject")],
      CallerArn: USER,
      ResourcePolicy: bucketPolicy,
      ActionNames: ["s3:GetObject"],
    };
    const out = await simulate({ ...input, ResourceArns: ["arn:aws:s3:::other/key"], ResourceOwner: "arn:aws:iam::111122223333:root" });
    const [r] = out.EvaluationResults!;
    assert.equal(r.EvalDecision, "allowed");
    assert.deepEqual(r.EvalDecisionDetails, { "IAM Policy": "allowed", "Resource Policy": "allowed" });
    assert.deepEqual(r.ResourceSpecificResults![0].EvalDecisionDetails, { "IAM Policy": "allowed", "Resource Policy": "allowed" });
    assert.deepEqual(r.MatchedStatements!.map((s) => s.SourcePolicyType).sort(), ["IAM Policy", "Resource Policy"]);

    const withoutGrant = await simulate({
      ...input,
      ResourcePolicy: allow("s3:PutObject").replace('"Effect"', '"Principal":"*","Effect"'),
      ResourceArns: ["arn:aws:s3:::other/key"],
      ResourceOwner: "111122223333",
    });
    assert.equal(withoutGrant.EvaluationResults![0].EvalDecision, "implicitDeny");
    assert.deepEqual(withoutGrant.EvaluationResults![0].EvalDecisionDetails, {
      "IAM Policy": "allowed",
      "Resource Policy": "implicitDeny",
    });

    const sameAccountStar = await simulate(input);
    assert.equal(sameAccountStar.EvaluationResults![0].EvalDecisionDetails, undefined);
    assert.equal(sameAccountStar.EvaluationResults![0].ResourceSpecificResults, undefined);
  });

  it("pages results with MaxItems and Marker", async () => {
    const ActionNames = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
    const first = await simulate({ PolicyInputList: [allow("s3:*")], ActionNames, MaxItems: 2 });
    assert.equal(first.IsTruncated, true);
    assert.ok(first.Marker);
    assert.deepEqual(
      first.EvaluationResults!.map((r) => r.EvalActionName),
      ["s3:GetObject", "s3:PutObject"],
    );
    const rest = await simulate({ PolicyInputList: [allow("s3:*")], ActionNames, MaxItems: 2, Marker: first.Marker });
    assert.equal(rest.IsTruncated, false);
    assert.equal(rest.Marker, undefined);
    assert.deepEqual(
      rest.EvaluationResults!.map((r) => r.EvalActionName),
      ["s3:DeleteObject"],
    );
    const bad = await awsError(simulate({ PolicyInputList: [allow("s3:*")], ActionNames, Marker: "not-a-marker" }));
    assert.deepEqual(bad, { name: "ValidationError", status: 400, message: "Invalid Marker." });
  });

  it("enforces the EC2 scenarios of ResourceHandlingOption", async () => {
    const ec2 = (type: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}/x-1`;
    const base = [ec2("instance"), "arn:aws:ec2:us-east-1::image/ami-1", ec2("security-group"), ec2("network-interface")];
    const input = { PolicyInputList: [allow("ec2:RunInstances")], ActionNames: ["ec2:RunInstances"] };
    const ok = await simulate({ ...input, ResourceArns: base, ResourceHandlingOption: "EC2-VPC-InstanceStore" });
    assert.equal(ok.EvaluationResults![0].EvalDecision, "allowed");
    assert.equal(ok.EvaluationResults![0].ResourceSpecificResults!.length, 4);
    const missing = await awsError(simulate({ ...input, ResourceArns: base, ResourceHandlingOption: "EC2-VPC-EBS-Subnet" }));
    assert.equal(missing.name, "InvalidInputException");
    assert.match(missing.message, /subnet, volume/);
    const unknown = await awsError(simulate({ ...input, ResourceArns: base, ResourceHandlingOption: "EC2-Nope" }));
    assert.equal(unknown.name, "InvalidInputException");
  });

  it("rejects malformed policies, callers and parameters as AWS does", async () => {
    const malformed = await awsError(simulate({ PolicyInputList: ["{not json"], ActionNames: ["s3:GetObject"] }));
    assert.deepEqual([malformed.name, malformed.status], ["MalformedPolicyDocumentException", 400]);
    const badResource = await awsError(
      simulate({ PolicyInputList: [allow("s3:*")], CallerArn: USER, ResourcePolicy: allow("s3:*"), ActionNames: ["s3:GetObject"] }),
    );
    assert.equal(badResource.name, "MalformedPolicyDocumentException");
    const noCaller = await awsError(
      simulate({ PolicyInputList: [allow("s3:*")], ResourcePolicy: BUCKET_POLICY, ActionNames: ["s3:GetObject"] }),
    );
    assert.deepEqual([noCaller.name, noCaller.status], ["InvalidInputException", 400]);
    const session = await awsError(
      simulate({
        PolicyInputList: [allow("s3:*")],
        ResourcePolicy: BUCKET_POLICY,
        CallerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s`,
        ActionNames: ["s3:GetObject"],
      }),
    );
    assert.deepEqual(session, {
      name: "InvalidInputException",
      status: 400,
      message: "Invalid caller - Caller must be an IAM user in this context.",
    });
    const wildcard = await awsError(simulate({ PolicyInputList: [allow("s3:*")], ActionNames: ["s3:*"] }));
    assert.equal(wildcard.name, "InvalidInputException");
    const resource = await awsError(
      simulate({ PolicyInputList: [allow("s3:*")], ActionNames: ["s3:GetObject"], ResourceArns: ["bucket"] }),
    );
    assert.deepEqual(resource, { name: "InvalidInputException", status: 400, message: 'Resource bucket must be in ARN format or "*".' });
    const owner = await awsError(simulate({ PolicyInputList: [allow("s3:*")], ActionNames: ["s3:GetObject"], ResourceOwner: "nobody" }));
    assert.equal(owner.name, "InvalidInputException");
    const tooMany = await awsError(simulate({ PolicyInputList: [allow("s3:*")], ActionNames: ["s3:GetObject"], MaxItems: 0 }));
    assert.equal(tooMany.name, "ValidationError");
  });
});
