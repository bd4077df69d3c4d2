import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkAccessNotGranted, checkNoNewAccess, type CheckResult, type NewAccessKind } from "../../lib/policy/new-access";
import { doc, lets } from "./policy-new-access-helpers";

const s3Read = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" });

/** Every witness is allowed by `next` and not by `previous`. */
function assertWitnessed(r: CheckResult, kind: NewAccessKind, previous: string, next: string) {
  for (const w of r.witnesses) {
    assert.equal(lets(kind, next, w.request), true, `new allows ${w.request.action} ${w.request.resource}`);
    assert.equal(lets(kind, previous, w.request), false, `existing denies ${w.request.action} ${w.request.resource}`);
  }
}

function check(previous: string, next: string, kind: NewAccessKind = "identity") {
  const r = checkNoNewAccess(previous, next, kind);
  assertWitnessed(r, kind, previous, next);
  return r;
}

describe("checkNoNewAccess: identity policies", () => {
  it("passes for the same document, reformatted or reordered", () => {
    assert.deepEqual(check(s3Read, s3Read), { result: "PASS", witnesses: [] });
    const two = doc(
      { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
    );
    const swapped = JSON.stringify({ Version: "2012-10-17", Statement: [...JSON.parse(two).Statement].reverse() }, null, 4);
    assert.equal(check(two, swapped).result, "PASS");
  });

  it("fails on an added action, naming it with an example request", () => {
    const next = doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::reports/*" });
    const r = check(s3Read, next);
    assert.equal(r.result, "FAIL");
    assert.deepEqual(
      r.witnesses.map((w) => w.summary),
      ["s3:PutObject"],
    );
    assert.equal(r.witnesses[0].accessLevel, "Write");
    assert.match(r.witnesses[0].request.resource, /^arn:aws:s3:::reports\//);
  });

  it("gives an example on a resource the action takes: an object for s3:PutObject, the bucket for s3:ListBucket", () => {
    const on = (...actions: string[]) => doc({ Effect: "Allow", Action: actions, Resource: ["arn:aws:s3:::bkt", "arn:aws:s3:::bkt/*"] });
    const put = check(on("s3:GetObject"), on("s3:GetObject", "s3:PutObject"));
    assert.equal(put.witnesses[0].request.resource, "arn:aws:s3:::bkt/example");
    const list = check(on("s3:GetObject"), on("s3:GetObject", "s3:ListBucket"));
    assert.equal(list.witnesses[0].request.resource, "arn:aws:s3:::bkt");
  });

  it("groups a widened wildcard's new actions by access level, leaving out what was allowed", () => {
    const previous = doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" });
    const r = check(previous, doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }));
    assert.equal(r.result, "FAIL");
    assert.ok(r.witnesses.every((w) => w.actions.every((a) => !/^s3:Get/i.test(a))));
    const write = r.witnesses.find((w) => w.accessLevel === "Write");
    assert.ok(write && write.actions.includes("s3:PutObject"));
    assert.match(write.summary, /^s3:\w+ and \d+ more Write actions$/);
  });

  it("fails when the resource widens, with a resource only the new document allows", () => {
    const r = check(s3Read, doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*" }));
    assert.equal(r.result, "FAIL");
    assert.doesNotMatch(r.witnesses[0].request.resource, /^arn:aws:s3:::reports\//);
  });

  it("fails when a condition is removed, and passes when it stays", () => {
    const mfa = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
    const previous = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: mfa });
    const r = check(previous, doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }));
    assert.equal(r.result, "FAIL");
    assert.notEqual(r.witnesses[0].request.context["aws:MultiFactorAuthPresent"], "true");
    assert.equal(check(previous, previous).result, "PASS");
  });

  it("fails when a condition's values widen", () => {
    const previous = doc({
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
    });
    const next = doc({
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] } },
    });
    const r = check(previous, next);
    assert.equal(r.result, "FAIL");
    assert.equal(r.witnesses[0].request.context["aws:RequestedRegion"], "us-east-1");
  });

  it("fails when an address range or a numeric bound widens, with a value only the new one admits", () => {
    const ip = (cidr: string) =>
      doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": cidr } } });
    const r = check(ip("10.0.0.0/16"), ip("10.0.0.0/8"));
    assert.equal(r.result, "FAIL");
    assert.equal(r.witnesses[0].request.context["aws:SourceIp"], "10.255.255.255");
    assert.equal(check(ip("10.0.0.0/8"), ip("10.0.0.0/16")).result, "PASS");
    const keys = (n: string) =>
      doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*", Condition: { NumericLessThanEquals: { "s3:max-keys": n } } });
    assert.equal(check(keys("10"), keys("100")).witnesses[0].request.context["s3:max-keys"], "100");
    assert.equal(check(keys("100"), keys("10")).result, "PASS");
  });

  it("fails when a Deny is removed", () => {
    const allow = { Effect: "Allow", Action: "s3:*", Resource: "*" };
    const deny = { Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" };
    const r = check(doc(allow, deny), doc(allow));
    assert.deepEqual(
      r.witnesses.map((w) => w.request.action),
      ["s3:DeleteBucket"],
    );
  });

  it("fails when a conditional Deny is removed, with the context the Deny matched", () => {
    const allow = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    const deny = { Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };
    const r = check(doc(allow, deny), doc(allow));
    assert.equal(r.result, "FAIL");
    assert.equal(r.witnesses[0].request.context["aws:SecureTransport"], "false");
  });

  it("passes when statements are removed or narrowed", () => {
    const wide = doc({ Effect: "Allow", Action: ["s3:*", "iam:Get*"], Resource: "*" }, { Effect: "Allow", Action: "sqs:*", Resource: "*" });
    assert.equal(check(wide, doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::a/*" })).result, "PASS");
    assert.equal(
      check(
        wide,
        doc({ Effect: "Allow", Action: ["s3:*", "iam:Get*"], Resource: "*" }, { Effect: "Deny", Action: "s3:Delete*", Resource: "*" }),
      ).result,
      "PASS",
    );
  });

  it("finds new access through NotAction and an action the catalogue does not know", () => {
    const r = check(s3Read, doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }));
    assert.equal(r.result, "FAIL");
    assert.ok(r.witnesses.every((w) => !w.request.action.startsWith("iam:")));
    const unknown = check(s3Read, doc({ Effect: "Allow", Action: ["s3:GetObject", "clefsvc:DoThing"], Resource: "*" }));
    assert.ok(unknown.witnesses.some((w) => w.request.action === "clefsvc:DoThing"));
  });

  it("treats everything as new when the existing document is not a policy", () => {
    assert.equal(check("", s3Read).result, "FAIL");
  });
});

describe("checkNoNewAccess: trust policies", () => {
  const lambda = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });

  it("names a newly trusted account and not the principal already trusted", () => {
    const next = doc({
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com", AWS: "arn:aws:iam::444455556666:root" },
      Action: "sts:AssumeRole",
    });
    const r = check(lambda, next, "trust");
    assert.equal(r.result, "FAIL");
    assert.deepEqual(
      r.witnesses.map((w) => w.principal),
      ["Account 444455556666 (arn:aws:iam::444455556666:user/example-user)"],
    );
    assert.equal(r.witnesses[0].request.action, "sts:AssumeRole");
  });

  it("reports any principal as another account", () => {
    const r = check(lambda, doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }), "trust");
    assert.ok(r.witnesses.some((w) => w.principal?.startsWith("Another account")));
  });

  it("fails when sts:ExternalId is dropped, and passes for the same policy", () => {
    const principal = { AWS: "arn:aws:iam::444455556666:root" };
    const previous = doc({
      Effect: "Allow",
      Principal: principal,
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "abc" } },
    });
    assert.equal(check(previous, doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }), "trust").result, "FAIL");
    assert.equal(check(previous, previous, "trust").result, "PASS");
  });
});

describe("checkNoNewAccess: SCPs and RCPs", () => {
  it("fails when an SCP allows more (or denies less) and passes when it blocks more", () => {
    const s3Only = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" });
    const wider = doc({ Effect: "Allow", Action: ["s3:*", "ec2:*"], Resource: "*" });
    const r = check(s3Only, wider, "scp");
    assert.equal(r.result, "FAIL");
    assert.ok(r.witnesses.every((w) => w.request.action.startsWith("ec2:")));
    assert.equal(check(wider, s3Only, "scp").result, "PASS");
    const full = { Effect: "Allow", Action: "*", Resource: "*" };
    const denyIam = { Effect: "Deny", Action: "iam:*", Resource: "*" };
    assert.equal(check(doc(full, denyIam), doc(full), "scp").result, "FAIL");
    assert.equal(check(doc(full), doc(full, denyIam), "scp").result, "PASS");
  });

  it("fails when an RCP's Deny no longer covers a caller", () => {
    const deny = (accounts: string[]) =>
      doc(
        { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringNotEqualsIfExists: { "aws:PrincipalAccount": accounts } },
        },
      );
    const r = check(deny(["111122223333"]), deny(["111122223333", "444455556666"]), "rcp");
    assert.equal(r.result, "FAIL");
    assert.equal(r.witnesses[0].request.context["aws:PrincipalAccount"], "444455556666");
  });
});

describe("checkAccessNotGranted", () => {
  const iamAll = doc({ Effect: "Allow", Action: "iam:*", Resource: "*" });

  it("fails when the policy grants a listed action, with the request that shows it", () => {
    const r = checkAccessNotGranted(iamAll, "identity", { actions: ["iam:CreateUser"] });
    assert.equal(r.result, "FAIL");
    assert.equal(r.witnesses[0].request.action, "iam:CreateUser");
    assert.equal(lets("identity", iamAll, r.witnesses[0].request), true);
  });

  it("passes when none of the listed actions is granted", () => {
    assert.equal(checkAccessNotGranted(s3Read, "identity", { actions: ["iam:CreateUser", "s3:PutObject"] }).result, "PASS");
    const denied = doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }, { Effect: "Deny", Action: "iam:CreateUser", Resource: "*" });
    assert.equal(checkAccessNotGranted(denied, "identity", { actions: ["iam:CreateUser"] }).result, "PASS");
  });

  it("checks only the listed resources when given", () => {
    const access = (resources: string[]) => checkAccessNotGranted(s3Read, "identity", { actions: ["s3:GetObject"], resources }).result;
    assert.equal(access(["arn:aws:s3:::payroll/*"]), "PASS");
    assert.equal(access(["arn:aws:s3:::reports/2026.csv"]), "FAIL");
    assert.equal(checkAccessNotGranted(s3Read, "identity", { resources: ["arn:aws:s3:::reports/*"] }).result, "FAIL");
  });

  it("passes when nothing is listed", () => {
    assert.equal(checkAccessNotGranted(iamAll, "identity", {}).result, "PASS");
  });
});
