import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allow, conditionAllows as ok, deny, policy, run } from "./policy-evaluate-helpers";

// IAM User Guide, "IAM JSON policy elements: Condition operators" unless noted.
describe("String condition operators", () => {
  it("StringEquals is exact and case-sensitive (aws:PrincipalTag/job-category example)", () => {
    const c = { StringEquals: { "aws:PrincipalTag/job-category": "iamuser-admin" } };
    assert.equal(ok(c, { "aws:PrincipalTag/job-category": "iamuser-admin" }), true);
    assert.equal(ok(c, { "aws:PrincipalTag/job-category": "IAMUser-Admin" }), false);
    assert.equal(ok(c, { "aws:PrincipalTag/job-category": "iamuser-admin2" }), false);
    assert.equal(ok(c, {}), false, "a missing key does not match");
  });

  it("StringNotEquals matches a missing key and evaluates several values as NOR", () => {
    const c = { StringNotEquals: { "aws:PrincipalTag/team": ["red", "blue"] } };
    assert.equal(ok(c, { "aws:PrincipalTag/team": "green" }), true);
    assert.equal(ok(c, { "aws:PrincipalTag/team": "red" }), false);
    assert.equal(ok(c, { "aws:PrincipalTag/team": "blue" }), false);
    assert.equal(ok(c, {}), true, "negated operators are true when the key is missing");
  });

  it("StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case", () => {
    assert.equal(
      ok(
        { StringEqualsIgnoreCase: { "aws:PrincipalTag/job-category": "iamuser-admin" } },
        { "aws:PrincipalTag/job-category": "IAMUser-ADMIN" },
      ),
      true,
    );
    assert.equal(
      ok({ StringEqualsIgnoreCase: { "aws:PrincipalTag/job-category": "iamuser-admin" } }, { "aws:PrincipalTag/job-category": "admin" }),
      false,
    );
    assert.equal(ok({ StringNotEqualsIgnoreCase: { "aws:PrincipalTag/x": "ABC" } }, { "aws:PrincipalTag/x": "abc" }), false);
    assert.equal(ok({ StringNotEqualsIgnoreCase: { "aws:PrincipalTag/x": "ABC" } }, { "aws:PrincipalTag/x": "abd" }), true);
  });

  it("StringLike matches * and ? anywhere, case-sensitively (s3:prefix home/${aws:username}/* example)", () => {
    const c = { StringLike: { "s3:prefix": ["", "home/", "home/${aws:username}/*"] } };
    assert.equal(ok(c, { "s3:prefix": "home/bob/photos/a.jpg", "aws:username": "bob" }), true);
    assert.equal(ok(c, { "s3:prefix": "", "aws:username": "bob" }), true);
    assert.equal(ok(c, { "s3:prefix": "home/", "aws:username": "bob" }), true);
    assert.equal(ok(c, { "s3:prefix": "home/alice/a", "aws:username": "bob" }), false);
    assert.equal(ok(c, { "s3:prefix": "HOME/bob/a", "aws:username": "bob" }), false);
    assert.equal(ok({ StringLike: { "ec2:InstanceType": "t?.micro" } }, { "ec2:InstanceType": "t3.micro" }), true);
    assert.equal(ok({ StringLike: { "ec2:InstanceType": "t?.micro" } }, { "ec2:InstanceType": "t3a.micro" }), false);
  });

  it("StringNotLike is true for a missing key and false when any value is like the context value", () => {
    const c = { StringNotLike: { "s3:prefix": ["private/*", "secret*"] } };
    assert.equal(ok(c, {}), true);
    assert.equal(ok(c, { "s3:prefix": "public/a" }), true);
    assert.equal(ok(c, { "s3:prefix": "private/a" }), false);
    assert.equal(ok(c, { "s3:prefix": "secrets" }), false);
  });
});

describe("Numeric condition operators", () => {
  it("NumericLessThanEquals s3:max-keys 10 (the documentation's example)", () => {
    const c = { NumericLessThanEquals: { "s3:max-keys": "10" } };
    assert.equal(ok(c, { "s3:max-keys": "10" }), true);
    assert.equal(ok(c, { "s3:max-keys": "9.5" }), true);
    assert.equal(ok(c, { "s3:max-keys": "11" }), false);
    assert.equal(ok(c, {}), false);
    assert.equal(ok(c, { "s3:max-keys": "ten" }), false, "a context value that is not a number never matches");
  });

  it("NumericEquals, NumericNotEquals, NumericLessThan, NumericGreaterThan(Equals) compare numbers, not text", () => {
    assert.equal(ok({ NumericEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10.0" }), true);
    assert.equal(ok({ NumericEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "1e1" }), true);
    assert.equal(ok({ NumericNotEquals: { "s3:max-keys": ["10", "20"] } }, { "s3:max-keys": "20" }), false);
    assert.equal(ok({ NumericNotEquals: { "s3:max-keys": ["10", "20"] } }, { "s3:max-keys": "15" }), true);
    assert.equal(ok({ NumericNotEquals: { "s3:max-keys": "10" } }, {}), true);
    assert.equal(ok({ NumericLessThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }), false);
    assert.equal(ok({ NumericLessThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "-3" }), true);
    assert.equal(ok({ NumericGreaterThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }), false);
    assert.equal(ok({ NumericGreaterThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "100" }), true);
    assert.equal(ok({ NumericGreaterThanEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }), true);
  });
});

describe("Date condition operators", () => {
  it("DateGreaterThan and DateLessThan bound aws:CurrentTime (ISO 8601)", () => {
    const c = {
      DateGreaterThan: { "aws:CurrentTime": "2020-04-01T00:00:00Z" },
      DateLessThan: { "aws:CurrentTime": "2020-06-30T23:59:59Z" },
    };
    assert.equal(ok(c, { "aws:CurrentTime": "2020-05-15T12:00:00Z" }), true);
    assert.equal(ok(c, { "aws:CurrentTime": "2020-07-01T00:00:00Z" }), false);
    assert.equal(ok(c, { "aws:CurrentTime": "2020-03-31T23:59:59Z" }), false);
    assert.equal(ok(c, { "aws:CurrentTime": "2020-05-15T14:00:00+02:00" }), true, "offsets are honoured");
  });

  it("accepts epoch seconds on either side (aws:EpochTime)", () => {
    assert.equal(ok({ DateLessThan: { "aws:EpochTime": "1700000000" } }, { "aws:EpochTime": "1699999999" }), true);
    assert.equal(ok({ DateLessThan: { "aws:EpochTime": "1700000000" } }, { "aws:EpochTime": "1700000000" }), false);
    assert.equal(ok({ DateEquals: { "aws:CurrentTime": "1577836800" } }, { "aws:CurrentTime": "2020-01-01T00:00:00Z" }), true);
    assert.equal(ok({ DateLessThanEquals: { "aws:CurrentTime": "2020-01-01" } }, { "aws:CurrentTime": "2020-01-01T00:00:00Z" }), true);
  });

  it("DateNotEquals, DateGreaterThanEquals and unreadable dates", () => {
    assert.equal(
      ok({ DateNotEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2020-01-01T00:00:00.000Z" }),
      false,
    );
    assert.equal(ok({ DateNotEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, {}), true);
    assert.equal(
      ok({ DateGreaterThanEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2020-01-01T00:00:00Z" }),
      true,
    );
    assert.equal(ok({ DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "yesterday" }), false);
  });
});

describe("Boolean and binary condition operators", () => {
  it("Bool aws:SecureTransport true matches only HTTPS requests", () => {
    const c = { Bool: { "aws:SecureTransport": "true" } };
    assert.equal(ok(c, { "aws:SecureTransport": "true" }), true);
    assert.equal(ok(c, { "aws:SecureTransport": "TRUE" }), true);
    assert.equal(ok(c, { "aws:SecureTransport": "false" }), false);
    assert.equal(ok(c, {}), false);
    assert.equal(ok({ Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "true" }), true, "JSON booleans read as text");
  });

  it("Deny with BoolIfExists aws:MultiFactorAuthPresent false denies long-term keys and no-MFA sessions", () => {
    const p = policy([allow("*"), deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } })]);
    assert.equal(run({ context: {} }, { identity: [p] }).decision, "explicitDeny");
    assert.equal(run({ context: { "aws:MultiFactorAuthPresent": "false" } }, { identity: [p] }).decision, "explicitDeny");
    assert.equal(run({ context: { "aws:MultiFactorAuthPresent": "true" } }, { identity: [p] }).decision, "allowed");
  });

  it("BinaryEquals compares base64 values", () => {
    const c = { BinaryEquals: { key: "QmluYXJ5VmFsdWVJbkJhc2U2NA==" } };
    assert.equal(ok(c, { key: "QmluYXJ5VmFsdWVJbkJhc2U2NA==" }), true);
    assert.equal(ok(c, { key: "QmluYXJ5VmFsdWVJbkJhc2U2NQ==" }), false);
    assert.equal(ok(c, {}), false);
  });
});

describe("IP address condition operators", () => {
  it("IpAddress 203.0.113.0/24 (IPv4 CIDR)", () => {
    const c = { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } };
    assert.equal(ok(c, { "aws:SourceIp": "203.0.113.7" }), true);
    assert.equal(ok(c, { "aws:SourceIp": "203.0.114.7" }), false);
    assert.equal(ok(c, { "aws:SourceIp": "not-an-ip" }), false);
    assert.equal(ok(c, {}), false);
    assert.equal(ok({ IpAddress: { "aws:SourceIp": "203.0.113.9" } }, { "aws:SourceIp": "203.0.113.9" }), true, "a bare address is a /32");
    assert.equal(ok({ IpAddress: { "aws:SourceIp": "203.0.113.9/31" } }, { "aws:SourceIp": "203.0.113.8" }), true, "host bits are ignored");
  });

  it("IpAddress with IPv6 (2001:DB8:1234:5678::/64) and several ranges OR'd", () => {
    const c = { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"] } };
    assert.equal(ok(c, { "aws:SourceIp": "2001:db8:1234:5678::1" }), true);
    assert.equal(ok(c, { "aws:SourceIp": "2001:db8:1234:5678:ffff:ffff:ffff:ffff" }), true);
    assert.equal(ok(c, { "aws:SourceIp": "2001:db8:1234:5679::1" }), false);
    assert.equal(ok(c, { "aws:SourceIp": "203.0.113.200" }), true);
    assert.equal(ok({ IpAddress: { "aws:SourceIp": "::ffff:203.0.113.0/120" } }, { "aws:SourceIp": "203.0.113.5" }), true, "IPv4-mapped");
  });

  it("NotIpAddress denies requests from outside the ranges (Deny example)", () => {
    const p = policy([allow("*"), deny("*", "*", { Condition: { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"] } } })]);
    assert.equal(run({ context: { "aws:SourceIp": "192.0.2.10" } }, { identity: [p] }).decision, "allowed");
    assert.equal(run({ context: { "aws:SourceIp": "198.51.100.1" } }, { identity: [p] }).decision, "explicitDeny");
    assert.equal(run({ context: {} }, { identity: [p] }).decision, "explicitDeny", "negated: a missing key matches");
  });
});

describe("ARN condition operators", () => {
  it("ArnLike aws:SourceArn with wildcards per segment", () => {
    const c = { ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*" } };
    assert.equal(ok(c, { "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/my-trail" }), true);
    assert.equal(ok(c, { "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:444455556666:trail/my-trail" }), false);
    assert.equal(
      ok(c, { "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:x:111122223333:trail/t" }),
      false,
      "the region * does not cross a colon",
    );
    assert.equal(ok(c, { "aws:SourceArn": "ARN:aws:cloudtrail:us-east-2:111122223333:trail/t" }), false, "case-sensitive");
  });

  it("ArnEquals also takes wildcards; ArnNotEquals and ArnNotLike are negated", () => {
    assert.equal(
      ok(
        { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic-?" } },
        { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic-a" },
      ),
      true,
    );
    assert.equal(
      ok(
        { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t" } },
        { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:u" },
      ),
      false,
    );
    assert.equal(
      ok(
        { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Admin" } },
        { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Dev" },
      ),
      true,
    );
    assert.equal(
      ok(
        { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Admin" } },
        { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Admin" },
      ),
      false,
    );
    assert.equal(ok({ ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Admin*" } }, {}), true);
    assert.equal(
      ok(
        { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Admin*" } },
        { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/AdminX" },
      ),
      false,
    );
  });
});

describe("...IfExists and Null", () => {
  it("StringLikeIfExists ec2:InstanceType (the documentation's example)", () => {
    const c = { StringLikeIfExists: { "ec2:InstanceType": ["t1.*", "t2.*", "m3.*"] } };
    assert.equal(ok(c, {}), true, "missing: true");
    assert.equal(ok(c, { "ec2:InstanceType": "t2.micro" }), true);
    assert.equal(ok(c, { "ec2:InstanceType": "m5.large" }), false);
  });

  it("Null: true matches a missing key, false a present one (aws:TokenIssueTime)", () => {
    assert.equal(ok({ Null: { "aws:TokenIssueTime": "true" } }, {}), true);
    assert.equal(ok({ Null: { "aws:TokenIssueTime": "true" } }, { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }), false);
    assert.equal(ok({ Null: { "aws:TokenIssueTime": "false" } }, { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }), true);
    assert.equal(ok({ Null: { "aws:TokenIssueTime": "false" } }, {}), false);
    assert.equal(ok({ Null: { "aws:TokenIssueTime": false } }, {}), false, "JSON false");
  });
});

// IAM User Guide, "Set operators for multivalued context keys".
describe("ForAllValues and ForAnyValue", () => {
  const keys = ["environment", "cost-center"];
  it("ForAllValues:StringEquals: every requested value is listed; true when the key is absent or empty", () => {
    const c = { "ForAllValues:StringEquals": { "aws:TagKeys": keys } };
    assert.equal(ok(c, { "aws:TagKeys": ["environment"] }), true);
    assert.equal(ok(c, { "aws:TagKeys": ["environment", "cost-center"] }), true);
    assert.equal(ok(c, { "aws:TagKeys": ["environment", "owner"] }), false);
    assert.equal(ok(c, {}), true);
    assert.equal(ok(c, { "aws:TagKeys": [] }), true, "an empty set is a null data set");
  });

  it("ForAnyValue:StringEquals: at least one requested value is listed; false when absent", () => {
    const c = { "ForAnyValue:StringEquals": { "aws:TagKeys": keys } };
    assert.equal(ok(c, { "aws:TagKeys": ["owner", "cost-center"] }), true);
    assert.equal(ok(c, { "aws:TagKeys": ["owner"] }), false);
    assert.equal(ok(c, {}), false);
    assert.equal(ok(c, { "aws:TagKeys": "environment" }), true, "a single value is a set of one");
  });

  it("ForAllValues:StringNotEquals: none of the requested values is listed", () => {
    const c = { "ForAllValues:StringNotEquals": { "aws:TagKeys": ["Project"] } };
    assert.equal(ok(c, { "aws:TagKeys": ["a", "b"] }), true);
    assert.equal(ok(c, { "aws:TagKeys": ["a", "Project"] }), false);
    assert.equal(ok(c, {}), true);
  });

  it("ForAnyValue:StringNotEquals, ForAnyValue:StringLike and ForAllValues:StringLike", () => {
    assert.equal(ok({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["Project"] } }, { "aws:TagKeys": ["Project", "x"] }), true);
    assert.equal(ok({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["Project"] } }, { "aws:TagKeys": ["Project"] }), false);
    assert.equal(ok({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["Project"] } }, {}), false);
    assert.equal(ok({ "ForAnyValue:StringLike": { "aws:TagKeys": ["cost-*"] } }, { "aws:TagKeys": ["owner", "cost-center"] }), true);
    assert.equal(ok({ "ForAllValues:StringLike": { "aws:TagKeys": ["key1*"] } }, { "aws:TagKeys": ["key1a", "key2"] }), false);
    assert.equal(ok({ "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": ["x"] } }, {}), true);
  });

  it("a multivalued key under a single-valued operator matches when any value does (negated: when none does)", () => {
    assert.equal(
      ok({ StringEquals: { "aws:CalledVia": "athena.amazonaws.com" } }, { "aws:CalledVia": ["athena.amazonaws.com", "s3.amazonaws.com"] }),
      true,
    );
    assert.equal(
      ok(
        { StringNotEquals: { "aws:CalledVia": "athena.amazonaws.com" } },
        { "aws:CalledVia": ["athena.amazonaws.com", "s3.amazonaws.com"] },
      ),
      false,
    );
  });
});

// IAM User Guide, "Condition with multiple context keys or values".
describe("Several operators, keys and values", () => {
  it("ANDs operators and keys and ORs values", () => {
    const c = {
      StringEquals: { "aws:PrincipalTag/department": ["finance", "hr", "legal"], "aws:PrincipalTag/role": ["audit", "security"] },
      StringLike: { "aws:PrincipalTag/cost-center": "1*" },
    };
    const ctx = { "aws:PrincipalTag/department": "hr", "aws:PrincipalTag/role": "audit", "aws:PrincipalTag/cost-center": "100" };
    assert.equal(ok(c, ctx), true);
    assert.equal(ok(c, { ...ctx, "aws:PrincipalTag/role": "dev" }), false);
    assert.equal(ok(c, { ...ctx, "aws:PrincipalTag/department": "it" }), false);
    assert.equal(ok(c, { ...ctx, "aws:PrincipalTag/cost-center": "200" }), false);
  });

  it("context key names compare case-insensitively; values do not", () => {
    assert.equal(ok({ StringEquals: { "AWS:SourceVpc": "vpc-1" } }, { "aws:sourcevpc": "vpc-1" }), true);
    assert.equal(ok({ StringEquals: { "aws:PrincipalTag/Team": "x" } }, { "AWS:PRINCIPALTAG/TEAM": "x" }), true);
    assert.equal(ok({ StringEquals: { "aws:SourceVpc": "vpc-1" } }, { "aws:SourceVpc": "VPC-1" }), false);
  });

  it("an unknown operator never matches, whatever its name", () => {
    assert.equal(ok({ StringMatches: { "aws:SourceVpc": "vpc-1" } }, { "aws:SourceVpc": "vpc-1" }), false);
    assert.equal(ok({ toString: { "aws:SourceVpc": "vpc-1" } }, { "aws:SourceVpc": "vpc-1" }), false);
    assert.equal(
      ok({ StringEquals: { "aws:SourceVpc": "${constructor}" } }, { "aws:SourceVpc": "${constructor}", constructor: "x" }),
      false,
    );
    assert.equal(ok({ StringEquals: { "aws:SourceVpc": "${constructor}" } }, { "aws:SourceVpc": "x", constructor: "x" }), true);
  });

  it("records missing keys once, as first spelled, but not for ...IfExists or Null", () => {
    const p = policy([
      allow("s3:*", "*", { Condition: { StringEquals: { "aws:PrincipalTag/Team": "a", "aws:SourceVpc": "v" } } }),
      allow("s3:*", "*", {
        Condition: {
          StringEquals: { "aws:principaltag/team": "b" },
          StringEqualsIfExists: { "aws:RequestTag/x": "y" },
          Null: { "aws:TokenIssueTime": "false" },
        },
      }),
    ]);
    const r = run({}, { identity: [p] });
    assert.equal(r.decision, "implicitDeny");
    assert.deepEqual(r.missingContextValues, ["aws:PrincipalTag/Team", "aws:SourceVpc"]);
    const all = run({ context: { "aws:PrincipalTag/Team": "c" } }, { identity: [p] });
    assert.deepEqual(all.missingContextValues, ["aws:SourceVpc"]);
  });
});
