import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNT, allow, deny, federatedUser, OTHER, policy, roleSession, run, user } from "./policy-evaluate-helpers";
import type { PrincipalInfo } from "../../lib/policy/evaluate";

const decision = (p: ReturnType<typeof policy>, action: string, resource = "*", context = {}) =>
  run({ action, resource, context }, { identity: [p] }).decision;

// IAM User Guide, "IAM JSON policy elements: Action" and "NotAction".
describe("Action and NotAction", () => {
  it("match case-insensitively with * and ? (AllowGetList / DenyReports example)", () => {
    const p = policy([
      { Sid: "AllowGetList", ...allow(["iam:Get*", "iam:List*"]) },
      { Sid: "DenyReports", ...deny("iam:*Report") },
    ]);
    assert.equal(decision(p, "iam:GetUser"), "allowed");
    assert.equal(decision(p, "IAM:listusers"), "allowed");
    assert.equal(decision(p, "iam:CreatePolicy"), "implicitDeny");
    assert.equal(decision(p, "iam:GetOrganizationsAccessReport"), "explicitDeny");
    assert.equal(decision(p, "iam:GenerateCredentialReport"), "explicitDeny");
    const q = policy(allow("s3:Get?bject"));
    assert.equal(decision(q, "s3:GetObject"), "allowed");
    assert.equal(decision(q, "s3:GetObjectAcl"), "implicitDeny");
    assert.equal(decision(policy(allow("*")), "anything:AtAll"), "allowed");
  });

  it("NotAction matches every action except those listed", () => {
    const p = policy(allow({}, "*", { Action: undefined, NotAction: ["iam:*", "organizations:*"] }));
    assert.equal(decision(p, "s3:GetObject"), "allowed");
    assert.equal(decision(p, "iam:CreateUser"), "implicitDeny");
    assert.equal(decision(p, "Organizations:ListAccounts"), "implicitDeny");
    const d = policy([allow("*"), { Effect: "Deny", NotAction: "iam:ChangePassword", Resource: "*" }]);
    assert.equal(decision(d, "iam:ChangePassword"), "allowed");
    assert.equal(decision(d, "iam:GetUser"), "explicitDeny");
  });

  it("a statement without Action or NotAction never applies", () => {
    assert.equal(decision(policy({ Effect: "Allow", Resource: "*" }), "s3:GetObject"), "implicitDeny");
  });

  it("Effect is case-sensitive: an invalid Effect never applies", () => {
    assert.equal(decision(policy({ Effect: "allow", Action: "*", Resource: "*" }), "s3:GetObject"), "implicitDeny");
  });
});

// IAM User Guide, "IAM JSON policy elements: Resource" ("Using wildcards in resource ARNs") and "NotResource".
describe("Resource and NotResource", () => {
  it("matches amzn-s3-demo-bucket/*/test/* as the documentation lists", () => {
    const p = policy(allow("s3:*", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"));
    for (const key of [
      "1/test/object.jpg",
      "1/2/test/object.jpg",
      "1/2/test/3/object.jpg",
      "1/2/3/test/4/object.jpg",
      "1///test///object.jpg",
      "1/test/.jpg",
      "/test/object.jpg",
      "1/test/",
    ]) {
      assert.equal(decision(p, "s3:GetObject", `arn:aws:s3:::amzn-s3-demo-bucket/${key}`), "allowed", key);
    }
    for (const key of ["1-test/object.jpg", "test/object.jpg", "1/2/test.jpg"]) {
      assert.equal(decision(p, "s3:GetObject", `arn:aws:s3:::amzn-s3-demo-bucket/${key}`), "implicitDeny", key);
    }
  });

  it("is case-sensitive (the IAM user name in Resource is case sensitive)", () => {
    const p = policy(allow("iam:*", `arn:aws:iam::${ACCOUNT}:user/Bob`));
    assert.equal(decision(p, "iam:GetUser", `arn:aws:iam::${ACCOUNT}:user/Bob`), "allowed");
    assert.equal(decision(p, "iam:GetUser", `arn:aws:iam::${ACCOUNT}:user/bob`), "implicitDeny");
  });

  it("wildcards inside a segment stay in it; a segment-ending * may cross colons", () => {
    const p = policy(allow("ec2:*", "arn:aws:ec2:us-*-1:*:instance/*"));
    assert.equal(decision(p, "ec2:StartInstances", `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`), "allowed");
    assert.equal(decision(p, "ec2:StartInstances", `arn:aws:ec2:us-east-2:${ACCOUNT}:instance/i-1`), "implicitDeny");
    assert.equal(decision(p, "ec2:StartInstances", `arn:aws:ec2:us-x:y-1:${ACCOUNT}:instance/i-1`), "implicitDeny");
    const q = policy(allow("iam:*", "arn:aws:iam::*"));
    assert.equal(decision(q, "iam:GetUser", `arn:aws:iam::${ACCOUNT}:user/bob`), "allowed");
    assert.equal(decision(q, "iam:GetUser", `arn:aws:s3:::bucket`), "implicitDeny");
    const r = policy(allow("s3:*", "arn:aws:s3:::bucket?"));
    assert.equal(decision(r, "s3:ListBucket", "arn:aws:s3:::bucket1"), "allowed");
    assert.equal(decision(r, "s3:ListBucket", "arn:aws:s3:::bucket12"), "implicitDeny");
  });

  it("Resource * matches actions that take no resource; a specific ARN does not", () => {
    assert.equal(decision(policy(allow("iam:ListUsers")), "iam:ListUsers", "*"), "allowed");
    assert.equal(decision(policy(allow("iam:ListUsers", "arn:aws:iam::*:user/*")), "iam:ListUsers", "*"), "implicitDeny");
  });

  it("NotResource matches every resource except those listed", () => {
    const p = policy([
      allow("s3:*"),
      { Effect: "Deny", Action: "s3:*", NotResource: ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"] },
    ]);
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/jan.csv"), "allowed");
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::HRBucket/Other"), "explicitDeny");
  });

  it("a statement without Resource (trust policies, SCPs) applies to the resource it is attached to", () => {
    assert.equal(decision(policy({ Effect: "Allow", Action: "s3:*" }), "s3:GetObject", "arn:aws:s3:::b/k"), "allowed");
  });
});

// IAM User Guide, "IAM policy elements: Variables and tags".
describe("Policy variables", () => {
  it("${aws:username} in Resource (the AllowManageOwnPasswordAndAccessKeys example)", () => {
    const p = policy(allow("iam:*AccessKey*", ["arn:aws:iam::*:user/${aws:username}"]));
    assert.equal(decision(p, "iam:CreateAccessKey", `arn:aws:iam::${ACCOUNT}:user/bob`, { "aws:username": "bob" }), "allowed");
    assert.equal(decision(p, "iam:CreateAccessKey", `arn:aws:iam::${ACCOUNT}:user/carol`, { "aws:username": "bob" }), "implicitDeny");
    assert.equal(
      decision(p, "iam:CreateAccessKey", `arn:aws:iam::${ACCOUNT}:user/bob`, { "AWS:UserName": "bob" }),
      "allowed",
      "key names any case",
    );
  });

  it("a variable with no value matches no resource, in Resource and NotResource alike", () => {
    const p = policy(allow("s3:*", "arn:aws:s3:::bucket/${aws:username}/*"));
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}/x"), "implicitDeny");
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::bucket//x"), "implicitDeny");
    const r = run({ resource: "arn:aws:s3:::bucket/bob/x" }, { identity: [p] });
    assert.deepEqual(r.missingContextValues, ["aws:username"]);
    const q = policy([allow("s3:*"), { Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::bucket/${aws:username}/*" }]);
    assert.equal(decision(q, "s3:GetObject", "arn:aws:s3:::bucket/bob/x", { "aws:username": "bob" }), "allowed");
    assert.equal(decision(q, "s3:GetObject", "arn:aws:s3:::bucket/bob/x"), "explicitDeny");
  });

  it("default values: ${aws:PrincipalTag/team, 'company-wide'}", () => {
    const p = policy(allow("s3:*", "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}"));
    assert.equal(decision(p, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-yellow", { "aws:PrincipalTag/team": "yellow" }), "allowed");
    assert.equal(decision(p, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-company-wide"), "allowed");
    assert.equal(
      decision(p, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-company-wide", { "aws:PrincipalTag/team": "yellow" }),
      "implicitDeny",
    );
    const r = run({ action: "s3:ListBucket", resource: "arn:aws:s3:::amzn-s3-demo-bucket-company-wide" }, { identity: [p] });
    assert.deepEqual(r.missingContextValues, [], "a default means the key is not required");
  });

  it("${*}, ${?} and ${$} are literal characters; substituted values never act as wildcards", () => {
    const p = policy(allow("s3:*", "arn:aws:s3:::bucket/${*}${?}${$}/x"));
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::bucket/*?$/x"), "allowed");
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::bucket/ab$/x"), "implicitDeny");
    const q = policy(allow("s3:*", "arn:aws:s3:::bucket/${aws:username}/*"));
    assert.equal(decision(q, "s3:GetObject", "arn:aws:s3:::bucket/anyone/x", { "aws:username": "*" }), "implicitDeny");
    assert.equal(decision(q, "s3:GetObject", "arn:aws:s3:::bucket/*/x", { "aws:username": "*" }), "allowed");
  });

  it("are literal text in Version 2008-10-17 policies and policies without Version", () => {
    for (const version of ["2008-10-17", null]) {
      const p = policy(allow("s3:*", "arn:aws:s3:::bucket/${aws:username}"), version);
      assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::bucket/bob", { "aws:username": "bob" }), "implicitDeny", String(version));
      assert.equal(
        decision(p, "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}", { "aws:username": "bob" }),
        "allowed",
        String(version),
      );
    }
  });

  it("in Condition values: StringNotEquals s3:ExistingObjectTag/Team ${aws:PrincipalTag/Team} denies untagged principals", () => {
    const p = policy([
      allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*"),
      deny("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", {
        Condition: { StringNotEquals: { "s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}" } },
      }),
    ]);
    const key = "arn:aws:s3:::amzn-s3-demo-bucket/doc";
    assert.equal(decision(p, "s3:GetObject", key, { "s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "red" }), "allowed");
    assert.equal(decision(p, "s3:GetObject", key, { "s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "blue" }), "explicitDeny");
    assert.equal(
      decision(p, "s3:GetObject", key, { "s3:ExistingObjectTag/Team": "red" }),
      "explicitDeny",
      "no value: StringNotEquals matches",
    );
    const q = policy(allow("*", "*", { Condition: { StringEquals: { "aws:ResourceTag/owner": "${aws:username}" } } }));
    assert.equal(
      decision(q, "ec2:StopInstances", "*", { "aws:ResourceTag/owner": "bob" }),
      "implicitDeny",
      "no value: StringEquals does not match",
    );
  });

  it("a multivalued key is not a variable", () => {
    const p = policy(allow("*", "arn:aws:s3:::b/${aws:CalledVia}"));
    assert.equal(decision(p, "s3:GetObject", "arn:aws:s3:::b/a", { "aws:CalledVia": ["a", "b"] }), "implicitDeny");
  });
});

// IAM User Guide, "AWS JSON policy elements: Principal" and "NotPrincipal".
describe("Principal and NotPrincipal (resource-based policies)", () => {
  const bucket = "arn:aws:s3:::amzn-s3-demo-bucket/k";
  const grant = (Principal: unknown) =>
    policy({ Effect: "Allow", Principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/*" });
  const fromResource = (Principal: unknown, principal: PrincipalInfo, account = ACCOUNT) =>
    run({ principal, resource: bucket }, { resource: { policy: grant(Principal), account } }).decision;

  it("names an IAM user, a role session, a federated user session, or everyone", () => {
    assert.equal(fromResource({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, user("bob")), "allowed");
    assert.equal(fromResource({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, user("carol")), "implicitDeny");
    assert.equal(fromResource({ AWS: roleSession().arn }, roleSession()), "allowed");
    assert.equal(fromResource({ AWS: federatedUser().arn }, federatedUser()), "allowed");
    assert.equal(fromResource("*", user("carol")), "allowed");
    assert.equal(fromResource({ AWS: "*" }, user("carol")), "allowed");
    assert.equal(fromResource({ AWS: ["*"] }, { arn: "anonymous", account: "", kind: "anonymous" }), "allowed");
    assert.equal(fromResource({ AWS: ACCOUNT }, { arn: "anonymous", account: "", kind: "anonymous" }), "implicitDeny");
  });

  it("an account (ID or root ARN) delegates to the account's identity-based policies", () => {
    assert.equal(fromResource({ AWS: ACCOUNT }, user()), "implicitDeny");
    assert.equal(fromResource({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, user()), "implicitDeny");
    const withIdentity = (Principal: unknown) =>
      run({ resource: bucket }, { identity: [policy(allow("s3:GetObject"))], resource: { policy: grant(Principal), account: OTHER } })
        .decision;
    assert.equal(withIdentity({ AWS: ACCOUNT }), "allowed");
    assert.equal(withIdentity({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), "allowed");
    assert.equal(withIdentity({ AWS: OTHER }), "implicitDeny");
  });

  it("Service and Federated principals", () => {
    const lambda: PrincipalInfo = { arn: "lambda.amazonaws.com", account: "", kind: "service", service: "lambda.amazonaws.com" };
    assert.equal(fromResource({ Service: "lambda.amazonaws.com" }, lambda), "allowed");
    assert.equal(fromResource({ Service: ["ec2.amazonaws.com"] }, lambda), "implicitDeny");
    assert.equal(fromResource({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, lambda), "implicitDeny");
    const web: PrincipalInfo = { ...roleSession(), federated: "cognito-identity.amazonaws.com" };
    assert.equal(fromResource({ Federated: "cognito-identity.amazonaws.com" }, web), "allowed");
    assert.equal(fromResource({ Federated: "accounts.google.com" }, web), "implicitDeny");
  });

  it("Deny with NotPrincipal spares only a principal whose session, role and account are all listed", () => {
    const audit = roleSession("cross-account-read-only-role", "cross-account-audit-app", OTHER);
    const notPrincipal = (values: string[]) =>
      policy([
        { Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" },
        {
          Effect: "Deny",
          NotPrincipal: { AWS: values },
          Action: "s3:*",
          Resource: ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"],
        },
      ]);
    const all = [audit.arn, audit.roleArn!, `arn:aws:iam::${OTHER}:root`];
    const ask = (p: ReturnType<typeof policy>, who: PrincipalInfo, boundary?: ReturnType<typeof policy>) =>
      run(
        { principal: who, resource: "arn:aws:s3:::BUCKETNAME/x" },
        { identity: [policy(allow("s3:*"))], boundary, resource: { policy: p, account: ACCOUNT } },
      ).decision;
    assert.equal(ask(notPrincipal(all), audit), "allowed");
    assert.equal(ask(notPrincipal([audit.arn, audit.roleArn!]), audit), "explicitDeny", "without the account ARN");
    assert.equal(ask(notPrincipal(all), roleSession("other-role", "s", OTHER)), "explicitDeny");
    assert.equal(ask(notPrincipal([user("bob", OTHER).arn, OTHER]), user("bob", OTHER)), "allowed");
    // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions boundary".
    assert.equal(ask(notPrincipal(all), audit, policy(allow("*"))), "explicitDeny");
  });

  it("Principal is ignored outside resource-based policies", () => {
    const p = policy({ Effect: "Allow", Principal: { AWS: OTHER }, Action: "*", Resource: "*" });
    assert.equal(run({}, { identity: [p] }).decision, "allowed");
  });
});
