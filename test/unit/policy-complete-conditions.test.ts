import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { completePolicy } from "../../lib/policy/complete";
import type { CompleteOptions } from "../../lib/policy/complete";
import type { PolicyKind } from "../../lib/policy/types";

function complete(marked: string, kind: PolicyKind = "identity", options?: CompleteOptions) {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const { items } = completePolicy(text, offset, kind, options);
  return { items, labels: items.map((i) => i.label) };
}

const statement = (body: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ${body}}]}`;

describe("completion: conditions", () => {
  it("offers every operator, with IfExists and ForAllValues:/ForAnyValue: forms, plain ones first", () => {
    const { labels, items } = complete(statement('"Action": "s3:GetObject", "Condition": {"|"}'));
    for (const op of [
      "StringEquals",
      "StringLikeIfExists",
      "NumericLessThanEquals",
      "DateGreaterThan",
      "Bool",
      "IpAddress",
      "ArnLike",
      "Null",
    ]) {
      assert.ok(labels.includes(op), op);
    }
    assert.ok(labels.includes("ForAllValues:StringLike") && labels.includes("ForAnyValue:StringEqualsIfExists"));
    assert.ok(!labels.includes("NullIfExists"));
    assert.equal(labels.length, 27 * 3 + 26 * 3);
    const order = (label: string) => items.find((i) => i.label === label)!.sortText!;
    assert.ok(order("StringEquals") < order("StringEqualsIfExists") && order("StringEqualsIfExists") < order("ForAllValues:StringEquals"));
    assert.match(items.find((i) => i.label === "StringLike")!.documentation!, /wildcards/);
  });

  it("offers the condition keys of the statement's actions, then the global keys", () => {
    const { labels, items } = complete(statement('"Action": "s3:GetObject", "Condition": {"StringEquals": {"|"}}'));
    assert.ok(labels.includes("s3:TlsVersion") && labels.includes("s3:ExistingObjectTag/<key>"));
    assert.ok(labels.includes("aws:SourceIp") && labels.includes("aws:PrincipalTag/${TagKey}"));
    assert.ok(
      !labels.includes("iam:PermissionsBoundary") && !labels.includes("s3:max-keys"),
      "another service's key, another action's key",
    );
    assert.ok(labels.indexOf("s3:TlsVersion") < labels.indexOf("aws:SourceIp"));
    assert.equal(items.find((i) => i.label === "aws:SourceIp")!.detail, "IPAddress");
  });

  it("reads the statement's actions wherever they are, wildcards and arrays included, and no other statement's", () => {
    const after = complete(
      `{"Statement": [{"Condition": {"StringEquals": {"|"}}, "Action": ["iam:CreateUser", "s3:List*"]}, {"Action": "ec2:RunInstances"}]}`,
    ).labels;
    assert.ok(after.includes("iam:PermissionsBoundary") && after.includes("s3:max-keys"));
    assert.ok(!after.some((k) => k.startsWith("ec2:Instance")));
  });

  it("offers the global keys alone when the statement names no action", () => {
    const { labels } = complete(statement('"NotAction": "s3:GetObject", "Condition": {"Bool": {"|"}}'));
    assert.ok(labels.includes("aws:MultiFactorAuthPresent"));
    assert.ok(!labels.includes("s3:TlsVersion"));
  });

  it("inserts a key's variable part as a snippet placeholder", () => {
    const { items } = complete(statement('"Action": "s3:GetObject", "Condition": {"StringEquals": {"|"}}'));
    const tag = items.find((i) => i.label === "aws:PrincipalTag/${TagKey}")!;
    assert.equal(tag.insertText, "aws:PrincipalTag/${1:TagKey}");
    assert.equal(tag.snippet, true);
    assert.equal(items.find((i) => i.label === "s3:ExistingObjectTag/<key>")!.insertText, "s3:ExistingObjectTag/${1:key}");
    assert.equal(items.find((i) => i.label === "s3:TlsVersion")!.snippet, undefined);
  });

  it("offers true and false for Bool and Null, nothing for a string key", () => {
    assert.deepEqual(complete(statement('"Condition": {"Bool": {"aws:SecureTransport": "|"}}')).labels, ["true", "false"]);
    assert.deepEqual(complete(statement('"Condition": {"Null": {"aws:TokenIssueTime": ["|"]}}')).labels, ["true", "false"]);
    assert.deepEqual(complete(statement('"Condition": {"StringEquals": {"aws:username": "|"}}')).labels, []);
  });
});

describe("completion: resources", () => {
  it("offers ARN templates of the actions' resource types, partition, region and account filled in", () => {
    const { items } = complete(statement('"Action": ["s3:GetObject", "iam:CreateUser"], "Resource": "|"'), "identity", {
      accountId: "111122223333",
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes("arn:aws:s3:::${BucketName}/${ObjectName}"));
    assert.ok(labels.includes("arn:aws:iam::111122223333:user/${UserNameWithPath}"));
    assert.ok(labels.includes("*"));
    assert.ok(!labels.some((l) => l.includes(":ec2:")));
    const object = items.find((i) => i.label === "arn:aws:s3:::${BucketName}/${ObjectName}")!;
    assert.equal(object.insertText, "arn:aws:s3:::${1:BucketName}/${2:ObjectName}");
    assert.equal(object.detail, "object");
  });

  it("fills region and account with * when not given", () => {
    const { labels } = complete(statement('"Action": "lambda:InvokeFunction", "NotResource": ["|"]'));
    assert.ok(labels.includes("arn:aws:lambda:*:*:function:${FunctionName}"), labels.join());
  });

  it("offers only * when the statement names no action", () => {
    assert.deepEqual(complete(statement('"Resource": "|"')).labels, ["*"]);
  });
});

describe("completion: principals", () => {
  it("offers principal types, then service principals, accounts and federated providers", () => {
    assert.deepEqual(complete(statement('"Principal": {"|"}'), "trust").labels, ["AWS", "Service", "Federated", "CanonicalUser"]);
    assert.ok(complete(statement('"Principal": {"Service": "|"}'), "trust").labels.includes("lambda.amazonaws.com"));
    assert.ok(complete(statement('"Principal": {"Service": ["lambda.amazonaws.com", "|"]}'), "trust").labels.includes("ec2.amazonaws.com"));
    const aws = complete(statement('"Principal": {"AWS": "|"}'), "trust", { accountId: "111122223333" }).items;
    assert.equal(aws[0].label, "arn:aws:iam::111122223333:root");
    assert.equal(complete(statement('"Principal": {"AWS": "|"}'), "trust").items[0].insertText, "arn:aws:iam::${1:123456789012}:root");
    assert.ok(complete(statement('"Principal": {"Federated": "|"}'), "trust").labels.includes("cognito-identity.amazonaws.com"));
    assert.deepEqual(complete(statement('"Principal": "|"'), "resource").labels, ["*"]);
  });
});
