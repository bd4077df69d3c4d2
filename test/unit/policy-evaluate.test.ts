import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { accessDeniedMessage, compilePolicy, contextKeysOf, evaluate } from "../../lib/policy/evaluate";
import type { PrincipalInfo } from "../../lib/policy/evaluate";
import { ACCOUNT, allow, deny, federatedUser, OTHER, policy, roleSession, run, user } from "./policy-evaluate-helpers";

const bucket = "arn:aws:s3:::amzn-s3-demo-bucket/k";
const everything = () => policy(allow("*"));
const nothing = () => policy(allow("ec2:DescribeInstances"));
const grantTo = (arn: string) =>
  policy({ Effect: "Allow", Principal: { AWS: arn }, Action: "s3:*", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/*" });
const same = (p: ReturnType<typeof policy>) => ({ policy: p, account: ACCOUNT });

// IAM User Guide, "Policy evaluation logic": "Determining whether a request is allowed or denied within an account".
describe("Explicit and implicit deny", () => {
  it("denies by default and allows on an identity-based Allow", () => {
    assert.equal(run({}, {}).decision, "implicitDeny");
    assert.equal(run({}, {}).deniedBy, "identity");
    assert.equal(run({}, { identity: [everything()] }).decision, "allowed");
  });

  it("an explicit Deny overrides any Allow, in any policy type (carlossalazar example)", () => {
    const p = policy([
      { Sid: "AllowS3Self", ...allow("s3:*", ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]) },
      { Sid: "DenyS3Logs", ...deny("s3:*", "arn:aws:s3:::*log*") },
    ]);
    const bucketPolicy = policy({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carlossalazar` },
      Action: "s3:*",
      Resource: ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"],
    });
    const carlos = user("carlossalazar");
    const logs = run(
      { principal: carlos, action: "s3:PutObject", resource: "arn:aws:s3:::carlossalazar-logs/f" },
      { identity: [p], resource: same(bucketPolicy) },
    );
    assert.equal(logs.decision, "explicitDeny");
    assert.equal(logs.deniedBy, "identity");
    assert.equal(logs.matched[0].sid, "DenyS3Logs");
    const own = run(
      { principal: carlos, action: "s3:PutObject", resource: "arn:aws:s3:::carlossalazar/f" },
      { identity: [p], resource: same(bucketPolicy) },
    );
    assert.equal(own.decision, "allowed");
  });

  it("reports the first layer with an explicit Deny in AWS's order, and every matching Deny", () => {
    const r = run(
      {},
      { identity: [policy(deny("s3:*"))], boundary: policy(deny("*")), scps: [[policy([allow("*"), deny("s3:GetObject")])]] },
    );
    assert.equal(r.decision, "explicitDeny");
    assert.equal(r.deniedBy, "scp");
    assert.deepEqual(
      r.matched.map((m) => m.layer),
      ["scp", "identity", "boundary"],
    );
    assert.ok(r.matched.every((m) => m.effect === "Deny"));
  });
});

// IAM User Guide, "Permissions boundaries for IAM entities" (ShirleyRodriguez example).
describe("Permissions boundaries", () => {
  const boundary = () => policy(allow(["s3:*", "cloudwatch:*", "ec2:*"]));
  it("allows only what both the identity-based policies and the boundary allow", () => {
    const identity = [policy(allow("iam:CreateUser")), policy(allow("s3:GetObject"))];
    const createUser = run({ action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/x` }, { identity, boundary: boundary() });
    assert.equal(createUser.decision, "implicitDeny");
    assert.equal(createUser.deniedBy, "boundary");
    assert.equal(run({}, { identity, boundary: boundary() }).decision, "allowed");
    assert.equal(run({ action: "ec2:RunInstances" }, { identity, boundary: boundary() }).deniedBy, "identity", "a boundary grants nothing");
  });

  it("an explicit Deny in the boundary wins", () => {
    const r = run({}, { identity: [everything()], boundary: policy([allow("*"), deny("s3:GetObject")]) });
    assert.equal(r.decision, "explicitDeny");
    assert.equal(r.deniedBy, "boundary");
  });
});

describe("Session policies", () => {
  it("a role session with session policies gets the intersection", () => {
    const r = run({ principal: roleSession() }, { identity: [everything()], session: [policy(allow("s3:GetObject"))] });
    assert.equal(r.decision, "allowed");
    assert.deepEqual(
      r.matched.map((m) => m.layer),
      ["identity", "session"],
    );
    const d = run(
      { principal: roleSession(), action: "s3:PutObject" },
      { identity: [everything()], session: [policy(allow("s3:GetObject"))] },
    );
    assert.equal(d.decision, "implicitDeny");
    assert.equal(d.deniedBy, "session");
    assert.equal(run({ principal: roleSession() }, { identity: [everything()], session: [policy(deny("s3:*"))] }).deniedBy, "session");
  });

  it("a role session without session policies is allowed; a federated user session without one is denied", () => {
    assert.equal(run({ principal: roleSession() }, { identity: [everything()] }).decision, "allowed");
    const f = run({ principal: federatedUser() }, { identity: [everything()] });
    assert.equal(f.decision, "implicitDeny");
    assert.equal(f.deniedBy, "session");
    assert.equal(run({ principal: federatedUser() }, { identity: [everything()], session: [everything()] }).decision, "allowed");
  });

  it("several session policies: any one may allow", () => {
    assert.equal(
      run({ principal: roleSession() }, { identity: [everything()], session: [nothing(), policy(allow("s3:*"))] }).decision,
      "allowed",
    );
  });
});

// IAM User Guide, "Service control policies (SCPs)": SCP evaluation.
describe("Service control policies", () => {
  it("every level, from the root to the account, must allow", () => {
    const full = () => policy(allow("*"));
    assert.equal(run({}, { identity: [everything()], scps: [[full()], [full()], [full()]] }).decision, "allowed");
    const r = run({}, { identity: [everything()], scps: [[full()], [nothing()], [full()]] });
    assert.equal(r.decision, "implicitDeny");
    assert.equal(r.deniedBy, "scp");
    assert.equal(r.layers.filter((l) => l.layer === "scp")[1].decision, "implicitDeny");
    assert.equal(r.layers.filter((l) => l.layer === "scp")[1].level, 1);
    assert.equal(
      run({}, { identity: [everything()], scps: [[full()], []] }).decision,
      "implicitDeny",
      "a level with no policy allows nothing",
    );
    assert.equal(run({}, { identity: [everything()], scps: [[nothing(), full()]] }).decision, "allowed", "any policy at a level may allow");
  });

  it("SCPs grant nothing, apply to the member account's root user, and don't apply when absent", () => {
    assert.equal(run({}, { scps: [[everything()]] }).deniedBy, "identity");
    const root: PrincipalInfo = { arn: `arn:aws:iam::${ACCOUNT}:root`, account: ACCOUNT, kind: "root" };
    assert.equal(
      run({ principal: root }, { identity: [everything()], scps: [[policy(deny("s3:*")), everything()]] }).decision,
      "explicitDeny",
    );
    assert.equal(run({ principal: root }, { identity: [everything()] }).decision, "allowed");
  });

  it("an SCP Deny with a condition (aws:RequestedRegion example)", () => {
    const scp = policy([
      allow("*"),
      deny("*", "*", { Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-central-1", "eu-west-1"] } } }),
    ]);
    assert.equal(run({ context: { "aws:RequestedRegion": "eu-west-1" } }, { identity: [everything()], scps: [[scp]] }).decision, "allowed");
    assert.equal(run({ context: { "aws:RequestedRegion": "us-east-1" } }, { identity: [everything()], scps: [[scp]] }).deniedBy, "scp");
  });
});

// IAM User Guide, "Policy evaluation logic": resource-based policies and implicit denies (same account).
describe("Resource-based policies within an account", () => {
  it("a grant to the IAM user suffices, despite an implicit deny in identity policies or the boundary", () => {
    const r = run({ resource: bucket }, { resource: same(grantTo(user().arn)) });
    assert.equal(r.decision, "allowed");
    assert.deepEqual(
      r.matched.map((m) => m.layer),
      ["resource"],
    );
    assert.equal(run({ resource: bucket }, { boundary: nothing(), resource: same(grantTo(user().arn)) }).decision, "allowed");
    assert.equal(
      run({ resource: bucket }, { boundary: policy(deny("s3:*")), resource: same(grantTo(user().arn)) }).decision,
      "explicitDeny",
    );
  });

  it("either an identity-based or a resource-based Allow suffices", () => {
    assert.equal(run({ resource: bucket }, { identity: [everything()], resource: same(grantTo(user("carol").arn)) }).decision, "allowed");
    assert.equal(run({ resource: bucket }, { identity: [nothing()], resource: same(grantTo(user("carol").arn)) }).decision, "implicitDeny");
  });

  it("a grant to the role ARN is limited by the boundary and session policies, not the identity policies", () => {
    const grant = same(grantTo(roleSession().roleArn!));
    assert.equal(run({ principal: roleSession(), resource: bucket }, { resource: grant }).decision, "allowed");
    const b = run({ principal: roleSession(), resource: bucket }, { boundary: nothing(), resource: grant });
    assert.equal(b.decision, "implicitDeny");
    assert.equal(b.deniedBy, "boundary");
    const s = run({ principal: roleSession(), resource: bucket }, { session: [nothing()], resource: grant });
    assert.equal(s.deniedBy, "session");
    assert.equal(
      run({ principal: roleSession(), resource: bucket }, { boundary: everything(), session: [everything()], resource: grant }).decision,
      "allowed",
    );
  });

  it("a grant to the role session ARN is not limited by implicit denies anywhere", () => {
    const grant = same(grantTo(roleSession().arn));
    assert.equal(
      run({ principal: roleSession(), resource: bucket }, { boundary: nothing(), session: [nothing()], resource: grant }).decision,
      "allowed",
    );
    assert.equal(run({ principal: roleSession("examplerole", "other"), resource: bucket }, { resource: grant }).decision, "implicitDeny");
  });

  it("federated user sessions: a grant to the session is direct; to the IAM user who federated, limited", () => {
    const fed = federatedUser();
    assert.equal(
      run({ principal: fed, resource: bucket }, { session: [nothing()], boundary: nothing(), resource: same(grantTo(fed.arn)) }).decision,
      "allowed",
    );
    assert.equal(
      run({ principal: fed, resource: bucket }, { session: [nothing()], resource: same(grantTo(fed.userArn!)) }).deniedBy,
      "session",
    );
    assert.equal(
      run({ principal: fed, resource: bucket }, { session: [everything()], resource: same(grantTo(fed.userArn!)) }).decision,
      "allowed",
    );
  });

  it("a grant to the account delegates to identity-based policies", () => {
    assert.equal(run({ resource: bucket }, { resource: same(grantTo(ACCOUNT)) }).deniedBy, "identity");
    assert.equal(run({ resource: bucket }, { identity: [everything()], resource: same(grantTo(ACCOUNT)) }).decision, "allowed");
  });

  it("a resource-based Deny wins", () => {
    const p = policy([
      { Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" },
      { Effect: "Deny", Principal: { AWS: user().arn }, Action: "s3:DeleteObject", Resource: "*" },
    ]);
    const r = run({ action: "s3:DeleteObject", resource: bucket }, { identity: [everything()], resource: same(p) });
    assert.equal(r.decision, "explicitDeny");
    assert.equal(r.deniedBy, "resource");
  });

  it("role trust policies must allow even within the account (required)", () => {
    const trust = (Principal: unknown) => ({
      policy: policy({ Effect: "Allow", Principal, Action: "sts:AssumeRole" }),
      account: ACCOUNT,
      required: true,
    });
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/R`;
    const assume = (resource: ReturnType<typeof trust>, identity = [everything()]) =>
      run({ action: "sts:AssumeRole", resource: roleArn }, { identity, resource });
    assert.equal(assume(trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/carol` })).deniedBy, "resource");
    assert.equal(assume(trust({ AWS: user().arn }), []).decision, "allowed", "naming the user suffices");
    assert.equal(assume(trust({ AWS: ACCOUNT }), []).deniedBy, "identity", "naming the account needs an identity Allow");
    assert.equal(assume(trust({ AWS: ACCOUNT })).decision, "allowed");
  });
});

// IAM User Guide, "Cross-account policy evaluation logic".
describe("Cross-account requests", () => {
  const other = user("bob", OTHER);
  it("need both the resource-based policy and the caller's identity-based policies", () => {
    const grant = { policy: grantTo(other.arn), account: ACCOUNT };
    assert.equal(run({ principal: other, resource: bucket }, { identity: [everything()], resource: grant }).decision, "allowed");
    const noIdentity = run({ principal: other, resource: bucket }, { resource: grant });
    assert.equal(noIdentity.deniedBy, "identity");
    const noGrant = run(
      { principal: other, resource: bucket },
      { identity: [everything()], resource: { policy: grantTo(user("x", OTHER).arn), account: ACCOUNT } },
    );
    assert.equal(noGrant.decision, "implicitDeny");
    assert.equal(noGrant.deniedBy, "resource");
    assert.equal(
      run({ principal: other, resource: bucket }, { identity: [everything()], resource: { policy: grantTo(OTHER), account: ACCOUNT } })
        .decision,
      "allowed",
    );
  });

  it("the caller's boundary, session policies and SCPs still apply", () => {
    const grant = { policy: grantTo(other.arn), account: ACCOUNT };
    assert.equal(
      run({ principal: other, resource: bucket }, { identity: [everything()], boundary: nothing(), resource: grant }).deniedBy,
      "boundary",
    );
    assert.equal(
      run({ principal: other, resource: bucket }, { identity: [everything()], scps: [[nothing()]], resource: grant }).deniedBy,
      "scp",
    );
  });
});

describe("Reasons", () => {
  it("name each matched statement with its policy, layer, Sid, index, span and 1-based positions", () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"},\n    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}';
    const p = compilePolicy({ id: "arn:aws:iam::111122223333:policy/Read", name: "Read", text, sourceType: "user-managed" });
    const r = run({}, { identity: [p], boundary: p });
    assert.equal(r.decision, "explicitDeny");
    const [m] = r.matched;
    assert.equal(m.policyId, "arn:aws:iam::111122223333:policy/Read");
    assert.equal(m.policyName, "Read");
    assert.equal(m.sourceType, "user-managed");
    assert.equal(m.layer, "identity");
    assert.equal(m.index, 0);
    assert.equal(m.sid, undefined);
    assert.equal(text.slice(m.span.start, m.span.end), '{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}');
    assert.deepEqual(m.start, { line: 4, column: 5 });
    assert.deepEqual(m.end, { line: 4, column: 58 }, "end is exclusive, as editors mark ranges");
    assert.equal(r.matched[1].layer, "boundary");
    const allowed = run(
      {},
      { identity: [compilePolicy({ id: "x", name: "x", text: text.replace('"Deny"', '"Allow"').replace('"s3:*"', '"ec2:*"') })] },
    );
    assert.equal(allowed.matched[0].sid, "Read");
    assert.equal(allowed.matched[0].index, 1);
    assert.deepEqual(allowed.matched[0].start, { line: 5, column: 5 });
  });

  it("list every consulted layer in AWS's order, with SCP levels", () => {
    const r = run(
      { principal: roleSession() },
      {
        identity: [everything()],
        boundary: everything(),
        session: [everything()],
        scps: [[everything()], [everything()]],
        resource: same(grantTo(ACCOUNT)),
      },
    );
    assert.equal(r.decision, "allowed");
    assert.deepEqual(
      r.layers.map((l) => `${l.layer}${l.level ?? ""}:${l.decision}`),
      ["scp0:allowed", "scp1:allowed", "resource:allowed", "identity:allowed", "boundary:allowed", "session:allowed"],
    );
    assert.deepEqual(
      r.matched.map((m) => m.layer),
      ["scp", "scp", "identity", "boundary", "session"],
    );
    assert.deepEqual(
      r.matched.map((m) => m.level),
      [0, 1, undefined, undefined, undefined],
    );
  });

  it("compilePolicy reuses work for the same text and a malformed policy allows nothing", () => {
    const text = JSON.stringify({ Version: "2012-10-17", Statement: allow("*") });
    assert.equal(compilePolicy({ id: "a", name: "a", text }), compilePolicy({ id: "a", name: "a", text }));
    const bad = compilePolicy({ id: "b", name: "b", text: "{ not json" });
    assert.equal(
      evaluate({ request: { action: "s3:GetObject", resource: "*", principal: user(), context: {} }, identity: [bad] }).decision,
      "implicitDeny",
    );
  });
});

// IAM User Guide, "Troubleshoot access denied error messages".
describe("accessDeniedMessage", () => {
  const request = (principal: PrincipalInfo = user()) => ({
    action: "iam:CreateUser",
    resource: `arn:aws:iam::${ACCOUNT}:user/carol`,
    principal,
    context: {},
  });
  const message = (layers: Parameters<typeof run>[1], principal?: PrincipalInfo) => {
    const req = request(principal);
    return accessDeniedMessage(req, run(req, layers));
  };
  const head = `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/carol`;

  it("implicit denies: because no <policy type> allows the <action> action", () => {
    assert.equal(message({}), `${head} because no identity-based policy allows the iam:CreateUser action`);
    assert.equal(
      message({ identity: [everything()], boundary: nothing() }),
      `${head} because no permissions boundary allows the iam:CreateUser action`,
    );
    assert.equal(
      message({ identity: [everything()], scps: [[nothing()]] }),
      `${head} because no service control policy allows the iam:CreateUser action`,
    );
    const trust = { policy: policy({ Effect: "Allow", Principal: { AWS: OTHER }, Action: "*" }), account: ACCOUNT, required: true };
    assert.equal(
      message({ identity: [everything()], resource: trust }),
      `${head} because no resource-based policy allows the iam:CreateUser action`,
    );
  });

  it("explicit denies: with an explicit deny in a <policy type>", () => {
    assert.equal(message({ identity: [policy(deny("iam:*"))] }), `${head} with an explicit deny in an identity-based policy`);
    assert.equal(
      message({ identity: [everything()], boundary: policy(deny("*")) }),
      `${head} with an explicit deny in a permissions boundary`,
    );
    assert.equal(
      message({ identity: [everything()], scps: [[policy(deny("*"))]] }),
      `${head} with an explicit deny in a service control policy`,
    );
    const rp = { policy: policy({ Effect: "Deny", Principal: "*", Action: "*" }), account: ACCOUNT };
    assert.equal(message({ identity: [everything()], resource: rp }), `${head} with an explicit deny in a resource-based policy`);
  });

  it("names the denying policy's ARN in AWS's newer wording, when asked", () => {
    const scp = compilePolicy({
      id: "arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd",
      name: "Deny",
      text: JSON.stringify({ Version: "2012-10-17", Statement: deny("*") }),
    });
    const req = request();
    const r = run(req, { identity: [everything()], scps: [[everything(), scp]] });
    assert.equal(
      accessDeniedMessage(req, r, { policyArn: true }),
      `${head} with an explicit deny in a service control policy: ${scp.input.id}`,
    );
    assert.equal(accessDeniedMessage(req, r), `${head} with an explicit deny in a service control policy`);
    const inline = run(req, { identity: [compilePolicy({ id: "user/bob/inline/Deny", name: "Deny", text: scp.input.text })] });
    assert.equal(accessDeniedMessage(req, inline, { policyArn: true }), `${head} with an explicit deny in an identity-based policy`);
  });

  it("session policies and the assumed-role form", () => {
    const s = roleSession("R", "S");
    const sessionHead = `User: arn:aws:sts::${ACCOUNT}:assumed-role/R/S is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/carol`;
    assert.equal(
      message({ identity: [everything()], session: [nothing()] }, s),
      `${sessionHead} because no session policy allows the iam:CreateUser action`,
    );
    assert.equal(
      message({ identity: [everything()], session: [policy(deny("*"))] }, s),
      `${sessionHead} with an explicit deny in a session policy`,
    );
    assert.equal(message({ identity: [everything()] }, s), "", "allowed: no message");
  });
});

// IAM API Reference, GetContextKeysForCustomPolicy (the AWS CLI example).
describe("contextKeysOf", () => {
  it("lists condition keys and variables as GetContextKeysForCustomPolicy does", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: "dynamodb:*",
        Resource: "arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}",
        Condition: { DateGreaterThan: { "aws:CurrentTime": "2015-08-16T12:00:00Z" } },
      },
    };
    assert.deepEqual(contextKeysOf([JSON.stringify(doc)]), ["aws:username", "aws:CurrentTime"]);
  });

  it("names each key once across policies, ignoring case, and reads variables in condition values", () => {
    const a = {
      Version: "2012-10-17",
      Statement: [
        allow("*", "*", { Condition: { StringEquals: { "aws:PrincipalTag/Team": "${aws:ResourceTag/Team}", "AWS:CurrentTime": "x" } } }),
      ],
    };
    const b = {
      Version: "2012-10-17",
      Statement: [
        allow("*", "*", { Condition: { "ForAnyValue:StringLike": { "aws:TagKeys": "a*" }, Null: { "aws:principaltag/team": "true" } } }),
      ],
    };
    assert.deepEqual(contextKeysOf([JSON.stringify(a), JSON.stringify(b)]), [
      "aws:PrincipalTag/Team",
      "aws:ResourceTag/Team",
      "AWS:CurrentTime",
      "aws:TagKeys",
    ]);
  });

  it("ignores variables in Version 2008-10-17 policies, escapes, and unparsable policies", () => {
    const old = { Version: "2008-10-17", Statement: allow("*", "arn:aws:s3:::b/${aws:username}") };
    const escapes = { Version: "2012-10-17", Statement: allow("*", "arn:aws:s3:::b/${*}${aws:userid, 'none'}") };
    assert.deepEqual(contextKeysOf([JSON.stringify(old), "{", JSON.stringify(escapes)]), ["aws:userid"]);
  });
});
