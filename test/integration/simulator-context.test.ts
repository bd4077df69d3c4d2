import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  type ContextEntry,
  type ContextKeyTypeEnum,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const withCondition = (condition: Record<string, Record<string, unknown>>) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: condition }] });
const entry = (ContextKeyName: string, ContextKeyType: ContextKeyTypeEnum, ...ContextKeyValues: string[]): ContextEntry => ({
  ContextKeyName,
  ContextKeyType,
  ContextKeyValues,
});

/** AWS CLI's get-context-keys-for-custom-policy example. */
const EXAMPLE = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/\${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}`;

describe("simulator context keys", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  const decide = async (policy: string, entries: ContextEntry[]) => {
    const out = await h.iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ContextEntries: entries }),
    );
    return out.EvaluationResults![0].EvalDecision;
  };

  const cases: [string, Record<string, Record<string, unknown>>, ContextEntry, ContextEntry][] = [
    [
      "string",
      { StringEquals: { "aws:username": "alice" } },
      entry("aws:username", "string", "alice"),
      entry("aws:username", "string", "bob"),
    ],
    [
      "stringList",
      { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } },
      entry("aws:TagKeys", "stringList", "env", "team"),
      entry("aws:TagKeys", "stringList", "env"),
    ],
    ["numeric", { NumericLessThan: { "s3:max-keys": "10" } }, entry("s3:max-keys", "numeric", "5"), entry("s3:max-keys", "numeric", "50")],
    [
      "numericList",
      { "ForAllValues:NumericLessThan": { "test:sizes": "10" } },
      entry("test:sizes", "numericList", "1", "2"),
      entry("test:sizes", "numericList", "1", "20"),
    ],
    [
      "boolean",
      { Bool: { "aws:SecureTransport": "true" } },
      entry("aws:SecureTransport", "boolean", "true"),
      entry("aws:SecureTransport", "boolean", "false"),
    ],
    [
      "booleanList",
      { "ForAnyValue:Bool": { "test:flags": "true" } },
      entry("test:flags", "booleanList", "false", "TRUE"),
      entry("test:flags", "booleanList", "false"),
    ],
    [
      "ip",
      { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      entry("aws:SourceIp", "ip", "203.0.113.7"),
      entry("aws:SourceIp", "ip", "198.51.100.7"),
    ],
    [
      "ipList",
      { "ForAnyValue:IpAddress": { "test:ips": "2001:db8::/32" } },
      entry("test:ips", "ipList", "10.0.0.1", "2001:db8::1"),
      entry("test:ips", "ipList", "10.0.0.1"),
    ],
    [
      "binary",
      { BinaryEquals: { "test:blob": "QmluYXJ5" } },
      entry("test:blob", "binary", "QmluYXJ5"),
      entry("test:blob", "binary", "T3RoZXI="),
    ],
    [
      "binaryList",
      { "ForAnyValue:BinaryEquals": { "test:blobs": "QmluYXJ5" } },
      entry("test:blobs", "binaryList", "QmluYXJ5"),
      entry("test:blobs", "binaryList", "T3RoZXI="),
    ],
    [
      "date",
      { DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } },
      entry("aws:CurrentTime", "date", "2021-06-01T00:00:00Z"),
      entry("aws:CurrentTime", "date", "1262304000"),
    ],
    [
      "dateList",
      { "ForAllValues:DateLessThan": { "test:dates": "2020-01-01" } },
      entry("test:dates", "dateList", "2019-01-01", "2019-06-01"),
      entry("test:dates", "dateList", "2019-01-01", "2021-01-01"),
    ],
  ];
  for (const [type, condition, match, miss] of cases) {
    it(`evaluates ${type} context entries`, async () => {
      const policy = withCondition(condition);
      assert.equal(await decide(policy, [match]), "allowed");
      assert.equal(await decide(policy, [miss]), "implicitDeny");
    });
  }

  it("rejects values that do not read as their type, and several values for a single-valued type", async () => {
    const policy = withCondition({ Bool: { "aws:SecureTransport": "true" } });
    for (const bad of [
      entry("s3:max-keys", "numeric", "ten"),
      entry("aws:SecureTransport", "boolean", "yes"),
      entry("aws:SourceIp", "ip", "300.1.1.1"),
      entry("aws:CurrentTime", "date", "yesterday"),
      entry("test:blob", "binary", "not base64!"),
      entry("test:ns", "numericList", "1", "x"),
      entry("aws:username", "string", "a", "b"),
      { ContextKeyValues: ["x"], ContextKeyType: "string" },
      { ContextKeyName: "aws:username", ContextKeyValues: ["x"] },
    ] as ContextEntry[]) {
      const e = await awsError(decide(policy, [bad]));
      assert.equal(e.name, "InvalidInputException", JSON.stringify(bad));
      assert.equal(e.status, 400);
    }
    const tooShort = await awsError(decide(policy, [entry("a:b", "string", "x")]));
    assert.equal(tooShort.name, "ValidationError");
    const badType = await awsError(decide(policy, [entry("aws:username", "text" as ContextKeyTypeEnum, "x")]));
    assert.equal(badType.name, "ValidationError");
  });

  it("lists the context keys the policies reference that the request did not supply, whatever the action", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "s3:ListBucket",
          Resource: "arn:aws:s3:::example-bucket",
          Condition: { StringLike: { "aws:PrincipalTag/allowed_service": "s3" } },
        },
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::example-bucket/${aws:username}" },
      ],
    });
    const run = async (ContextEntries: ContextEntry[], ResourceArns?: string[]) =>
      (
        await h.iam.send(
          new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:ListBucket"], ContextEntries, ResourceArns }),
        )
      ).EvaluationResults![0];
    const none = await run([]);
    assert.equal(none.EvalDecision, "implicitDeny");
    assert.deepEqual(none.MissingContextValues, ["aws:PrincipalTag/allowed_service", "aws:username"]);
    const some = await run([entry("AWS:USERNAME", "string", "alice")], ["arn:aws:s3:::example-bucket"]);
    assert.deepEqual(some.MissingContextValues, ["aws:PrincipalTag/allowed_service"]);
    assert.deepEqual(some.ResourceSpecificResults![0].MissingContextValues, ["aws:PrincipalTag/allowed_service"]);
    const supplied = [entry("aws:PrincipalTag/allowed_service", "string", "s3"), entry("aws:username", "string", "alice")];
    // A statement scoped to a bucket does not match the default resource "*".
    assert.equal((await run(supplied)).EvalDecision, "implicitDeny");
    const all = await run(supplied, ["arn:aws:s3:::example-bucket"]);
    assert.equal(all.EvalDecision, "allowed");
    assert.deepEqual(all.MissingContextValues, []);
  });

  it("GetContextKeysForCustomPolicy lists keys in order of appearance, as AWS's example", async () => {
    const out = await h.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [EXAMPLE] }));
    assert.deepEqual(out.ContextKeyNames, ["aws:username", "aws:CurrentTime"]);
    const none = await h.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [withCondition({})] }));
    assert.deepEqual(none.ContextKeyNames ?? [], []);
    const malformed = await awsError(h.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ["nope"] })));
    assert.equal(malformed.name, "MalformedPolicyDocumentException");
  });

  it("GetContextKeysForPrincipalPolicy reads a user's and its groups' policies, and extra ones", async () => {
    const user = unique("ctx-user");
    const group = unique("ctx-group");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: user }));
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    await h.iam.send(
      new PutUserPolicyCommand({
        UserName: user,
        PolicyName: "Own",
        PolicyDocument: withCondition({ StringEquals: { "aws:RequestedRegion": "eu-west-1" } }),
      }),
    );
    await h.iam.send(
      new PutGroupPolicyCommand({
        GroupName: group,
        PolicyName: "Team",
        PolicyDocument: withCondition({ Bool: { "aws:MultiFactorAuthPresent": "true" } }),
      }),
    );
    const managed = await h.iam.send(
      new CreatePolicyCommand({
        PolicyName: unique("Tagged"),
        PolicyDocument: withCondition({ StringEquals: { "aws:PrincipalTag/team": "x" } }),
      }),
    );
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: managed.Policy!.Arn }));
    const out = await h.iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: User!.Arn, PolicyInputList: [EXAMPLE] }));
    assert.deepEqual([...out.ContextKeyNames!].sort(), [
      "aws:CurrentTime",
      "aws:MultiFactorAuthPresent",
      "aws:PrincipalTag/team",
      "aws:RequestedRegion",
      "aws:username",
    ]);
    const groupKeys = await h.iam.send(
      new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::000000000000:group/${group}` }),
    );
    assert.deepEqual(groupKeys.ContextKeyNames, ["aws:MultiFactorAuthPresent"]);
    const missing = await awsError(
      h.iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: "arn:aws:iam::000000000000:user/ghost" })),
    );
    assert.deepEqual(missing, { name: "NoSuchEntityException", status: 404, message: "The user with name ghost cannot be found." });
  });
});
