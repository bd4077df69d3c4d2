import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actionsOf, lookupAction } from "../../lib/policy/catalogue";
import { parsePolicy } from "../../lib/policy/parse";
import { operatorWords, summarizePolicy, type PolicySummary } from "../../lib/policy/summary";
import { describeResource } from "../../lib/policy/summary/resources";

const policy = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const section = (summary: PolicySummary, effect: "Allow" | "Deny") => summary.sections.find((s) => s.effect === effect);
const service = (summary: PolicySummary, effect: "Allow" | "Deny", prefix: string) =>
  section(summary, effect)?.services.find((s) => s.prefix === prefix);
const action = (summary: PolicySummary, effect: "Allow" | "Deny", name: string) =>
  service(summary, effect, name.split(":")[0])?.actions.find((a) => a.action === name);

describe("summarizePolicy: access levels", () => {
  it("says Full access when the policy names every action of the service", () => {
    const iam = service(summarizePolicy(policy({ Effect: "Allow", Action: "iam:*", Resource: "*" })), "Allow", "iam")!;
    assert.equal(iam.accessLevel, "Full access");
    assert.equal(iam.name, "AWS Identity and Access Management (IAM)");
    assert.equal(iam.actions.length, actionsOf("iam").length);
    assert.ok(iam.levels.every((l) => l.count === l.total));
  });

  it("lists the levels with some but not all actions as Limited, and whole levels as Full", () => {
    const some = summarizePolicy(policy({ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" }));
    assert.equal(service(some, "Allow", "s3")!.accessLevel, "Limited: List, Read");
    const list = actionsOf("dynamodb")
      .filter((a) => a.accessLevel === "List")
      .map((a) => a.action);
    const mixed = summarizePolicy(policy({ Effect: "Allow", Action: [...list, "dynamodb:PutItem"], Resource: "*" }));
    const dynamodb = service(mixed, "Allow", "dynamodb")!;
    assert.equal(dynamodb.accessLevel, "Full: List Limited: Write");
    assert.deepEqual(
      dynamodb.levels.find((l) => l.level === "Write"),
      { level: "Write", count: 1, total: actionsOf("dynamodb").filter((a) => a.accessLevel === "Write").length },
    );
  });

  it("orders a service's actions by access level, then name, each with its own level", () => {
    const s3 = service(
      summarizePolicy(policy({ Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject", "s3:ListBucket"], Resource: "*" })),
      "Allow",
      "s3",
    )!;
    assert.deepEqual(
      s3.actions.map((a) => [a.name, a.accessLevel]),
      [
        ["ListBucket", "List"],
        ["GetObject", "Read"],
        ["PutObject", "Write"],
      ],
    );
  });

  it("sorts services by name and leaves out effects no statement has", () => {
    const summary = summarizePolicy(
      policy({ Effect: "Allow", Action: ["sqs:SendMessage", "ec2:DescribeInstances", "iam:GetUser"], Resource: "*" }),
    );
    assert.deepEqual(
      summary.sections.map((s) => s.effect),
      ["Allow"],
    );
    const names = summary.sections[0].services.map((s) => s.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(names.length, 3);
  });
});

describe("summarizePolicy: resources", () => {
  it("says All resources for *", () => {
    const row = service(summarizePolicy(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })), "Allow", "s3")!;
    assert.equal(row.resource, "All resources");
    assert.deepEqual(row.actions[0].resources, [
      { resource: "All resources", region: "All regions", account: "All accounts", conditions: [] },
    ]);
  });

  it("names a resource by its resource type's variables, Region and account apart", () => {
    const summary = summarizePolicy(
      policy(
        { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::mybucket" },
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::mybucket/*" },
        { Effect: "Allow", Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-west-1:123456789012:table/myDynamoTable" },
      ),
    );
    assert.equal(action(summary, "Allow", "s3:ListBucket")!.resource, "BucketName | string like | mybucket");
    assert.equal(action(summary, "Allow", "s3:GetObject")!.resource, "BucketName | string like | mybucket, ObjectName | string like | All");
    assert.equal(service(summary, "Allow", "s3")!.resource, "Multiple");
    assert.deepEqual(action(summary, "Allow", "dynamodb:GetItem")!.resources, [
      { resource: "TableName | string like | myDynamoTable", region: "us-west-1", account: "123456789012", conditions: [] },
    ]);
    assert.equal(service(summary, "Allow", "dynamodb")!.resource, "TableName | string like | myDynamoTable");
  });

  it("gives an action only the resources of its own resource types", () => {
    const summary = summarizePolicy(
      policy({
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetObject", "s3:ListAllMyBuckets"],
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
      }),
    );
    assert.deepEqual(
      action(summary, "Allow", "s3:ListBucket")!.resources.map((r) => r.resource),
      ["BucketName | string like | b"],
    );
    assert.deepEqual(
      action(summary, "Allow", "s3:GetObject")!.resources.map((r) => r.resource),
      ["BucketName | string like | b, ObjectName | string like | All"],
    );
    // ListAllMyBuckets takes only "*": neither ARN applies to it.
    assert.equal(action(summary, "Allow", "s3:ListAllMyBuckets")!.resource, "None");
    assert.equal(service(summary, "Allow", "s3")!.actionsWithoutResource, 1);
  });

  it("shows an ARN of the service but of no known resource type as written, and an ARN of another service nowhere", () => {
    const info = lookupAction("s3:GetObject")!;
    assert.deepEqual(describeResource("arn:aws:s3:us-east-1:123456789012:thing/x", info), {
      resource: "arn:aws:s3:us-east-1:123456789012:thing/x",
      region: "us-east-1",
      account: "123456789012",
    });
    assert.equal(describeResource("arn:aws:sqs:us-east-1:123456789012:queue", info), undefined);
    assert.equal(describeResource("arn:aws:s3:::bucket-only", info), undefined);
  });

  it("words NotResource as all resources except those", () => {
    const row = action(
      summarizePolicy(policy({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" })),
      "Allow",
      "s3:GetObject",
    )!;
    assert.equal(row.resource, "All resources except arn:aws:s3:::secret/*");
  });

  it("summarizes nothing for an empty Resource list, as evaluation matches nothing", () => {
    assert.deepEqual(summarizePolicy(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: [] })).sections, []);
  });
});

describe("summarizePolicy: request conditions", () => {
  it("says None without a Condition, the condition's text with one, Multiple with several", () => {
    const none = service(summarizePolicy(policy({ Effect: "Allow", Action: "ec2:RunInstances", Resource: "*" })), "Allow", "ec2")!;
    assert.equal(none.condition, "None");
    const one = summarizePolicy(
      policy({
        Effect: "Allow",
        Action: "ec2:RunInstances",
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
      }),
    );
    assert.equal(service(one, "Allow", "ec2")!.condition, "aws:RequestedRegion | string equals | us-east-1, eu-west-1");
    const two = summarizePolicy(
      policy({
        Effect: "Allow",
        Action: "ec2:RunInstances",
        Resource: "*",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      }),
    );
    const row = action(two, "Allow", "ec2:RunInstances")!;
    assert.equal(row.condition, "Multiple");
    assert.deepEqual(row.resources[0].conditions, [
      "aws:MultiFactorAuthPresent | bool | true",
      "aws:SourceIp | ip address | 203.0.113.0/24",
    ]);
  });

  it("says Multiple for a service whose actions have different conditions", () => {
    const summary = summarizePolicy(
      policy(
        { Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
        { Effect: "Allow", Action: "sqs:ReceiveMessage", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
      ),
    );
    assert.equal(service(summary, "Allow", "sqs")!.condition, "Multiple");
    assert.equal(action(summary, "Allow", "sqs:SendMessage")!.condition, "None");
  });

  it("spells operators as the console does", () => {
    assert.equal(operatorWords("StringLike"), "string like");
    assert.equal(operatorWords("ForAnyValue:StringEqualsIfExists"), "for any value: string equals if exists");
    assert.equal(operatorWords("ArnNotLike"), "arn not like");
  });
});

describe("summarizePolicy: Deny, NotAction and unrecognized actions", () => {
  it("summarizes an explicit deny apart from the Allow of the same service, deny first", () => {
    const summary = summarizePolicy(
      policy(
        { Sid: "FullAccess", Effect: "Allow", Action: ["s3:*"], Resource: ["*"] },
        { Sid: "DenyCustomerBucket", Action: ["s3:*"], Effect: "Deny", Resource: ["arn:aws:s3:::customer", "arn:aws:s3:::customer/*"] },
      ),
    );
    assert.deepEqual(
      summary.sections.map((s) => s.effect),
      ["Deny", "Allow"],
    );
    const allow = service(summary, "Allow", "s3")!;
    const deny = service(summary, "Deny", "s3")!;
    assert.equal(allow.accessLevel, "Full access");
    assert.equal(allow.resource, "All resources");
    assert.equal(deny.accessLevel, "Full access");
    assert.equal(deny.resource, "Multiple");
    assert.equal(action(summary, "Deny", "s3:GetObject")!.resource, "BucketName | string like | customer, ObjectName | string like | All");
  });

  it("reads Allow with NotAction as every other action: other services Full, a partly excluded one Limited", () => {
    const summary = summarizePolicy(policy({ Effect: "Allow", NotAction: ["iam:*", "s3:DeleteBucket"], Resource: "*" }));
    assert.equal(service(summary, "Allow", "iam"), undefined);
    assert.equal(service(summary, "Allow", "s3")!.accessLevel, "Full: List, Read, Permissions management, Tagging Limited: Write");
    assert.equal(service(summary, "Allow", "ec2")!.accessLevel, "Full access");
    assert.equal(action(summary, "Allow", "s3:DeleteBucket"), undefined);
  });

  it("lists unknown service prefixes as unrecognized services, and unknown actions on their service", () => {
    const summary = summarizePolicy(
      policy(
        { Effect: "Allow", Action: ["codedeploy-nope:List*", "iam:GetUsr", "iam:GetUser"], Resource: "*" },
        { Effect: "Deny", Action: "sqs:Nope*", Resource: "*" },
      ),
    );
    assert.deepEqual(summary.unrecognizedServices, [{ effect: "Allow", prefix: "codedeploy-nope", actions: ["codedeploy-nope:List*"] }]);
    const iam = service(summary, "Allow", "iam")!;
    assert.deepEqual(iam.unrecognizedActions, ["iam:GetUsr"]);
    assert.deepEqual(
      iam.actions.map((a) => a.action),
      ["iam:GetUser"],
    );
    const sqs = service(summary, "Deny", "sqs")!;
    assert.equal(sqs.accessLevel, "None");
    assert.deepEqual(sqs.unrecognizedActions, ["sqs:Nope*"]);
  });

  it("reports no unrecognized actions for a NotAction list, nor for a policy that recognizes everything", () => {
    const summary = summarizePolicy(policy({ Effect: "Deny", NotAction: ["nope:Thing", "iam:*"], Resource: "*" }));
    assert.deepEqual(summary.unrecognizedServices, []);
    assert.ok(summary.sections[0].services.every((s) => s.unrecognizedActions.length === 0));
  });

  it("takes a parsed policy as well as its text, and summarizes nothing for text that is not JSON", () => {
    const text = policy({ Effect: "Allow", Action: "iam:GetUser", Resource: "*" });
    assert.deepEqual(summarizePolicy(parsePolicy(text)!), summarizePolicy(text));
    assert.deepEqual(summarizePolicy("{ not json").sections, []);
    assert.ok(summarizePolicy("{}").serviceCount > 400);
  });
});
