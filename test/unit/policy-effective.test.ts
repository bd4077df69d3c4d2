import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actionsOf, allActionNames, expandActions, lookupAction, services } from "../../lib/policy/catalogue";
import { effectivePermissions } from "../../lib/policy/effective";
import type { EffectiveAction, EffectivePermissions } from "../../lib/policy/effective";
import { compilePolicy, evaluate, type PolicyInput } from "../../lib/policy/evaluate";

type Doc = Record<string, unknown>;
let counter = 0;

function policy(statements: Doc | Doc[], name = `effective-${++counter}`): PolicyInput {
  const text = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  return { id: `arn:aws:iam::111122223333:policy/${name}`, name, text, sourceType: "user-managed" };
}
const allow = (Action: unknown, Resource: unknown = "*", extra: Doc = {}): Doc => ({ Effect: "Allow", Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = "*", extra: Doc = {}): Doc => ({ Effect: "Deny", Action, Resource, ...extra });
const admin = () => policy(allow("*"), "AdministratorAccess");

function allowedActions(r: EffectivePermissions): Map<string, EffectiveAction> {
  return new Map(r.services.flatMap((s) => s.levels.flatMap((l) => l.allowedActions)).map((a) => [a.action, a]));
}
const deniedActions = (r: EffectivePermissions) =>
  new Map(r.services.flatMap((s) => s.levels.flatMap((l) => l.deniedActions)).map((a) => [a.action, a]));
const service = (r: EffectivePermissions, prefix: string) => r.services.find((s) => s.prefix === prefix);
const statusOf = (r: EffectivePermissions, action: string) => allowedActions(r).get(action)?.status;

describe("effective permissions: identity-based policies", () => {
  it("AdministratorAccess allows every catalogue action fully, every service Full access", () => {
    const r = effectivePermissions({ identity: [admin()] });
    const total = allActionNames().length;
    assert.deepEqual(
      { ...r, services: undefined, statements: undefined, unrecognized: undefined, catalogueVersion: undefined },
      {
        total,
        allowed: total,
        full: total,
        partial: 0,
        conditional: 0,
        blocked: 0,
        denied: 0,
        services: undefined,
        statements: undefined,
        unrecognized: undefined,
        catalogueVersion: undefined,
      },
    );
    assert.equal(r.services.length, services().length);
    assert.ok(r.services.every((s) => s.accessSummary === "Full access" && s.levels.every((l) => l.access === "Full")));
    const iam = service(r, "iam")!;
    assert.equal(iam.name, "AWS Identity and Access Management (IAM)");
    assert.equal(iam.total, actionsOf("iam").length);
    const createUser = allowedActions(r).get("iam:CreateUser")!;
    assert.deepEqual(createUser, { action: "iam:CreateUser", name: "CreateUser", status: "full", grantedBy: [0], limitedBy: [] });
    assert.equal(r.statements[0].policyName, "AdministratorAccess");
    assert.deepEqual(r.unrecognized, []);
  });

  it("an IAMReadOnlyAccess-like policy allows IAM List and Read actions only", () => {
    const actions = [
      "iam:GenerateCredentialReport",
      "iam:GenerateServiceLastAccessedDetails",
      "iam:Get*",
      "iam:List*",
      "iam:SimulateCustomPolicy",
      "iam:SimulatePrincipalPolicy",
    ];
    const r = effectivePermissions({ identity: [policy(allow(actions))] });
    assert.deepEqual(
      r.services.map((s) => s.prefix),
      ["iam"],
    );
    const iam = r.services[0];
    const expected = new Set(actions.flatMap((a) => expandActions(a)));
    assert.equal(iam.allowed, expected.size);
    assert.deepEqual([...allowedActions(r).keys()].sort(), [...expected].sort());
    for (const l of iam.levels) {
      if (l.level === "List" || l.level === "Read") assert.ok(l.allowed > 0, l.level);
      else assert.equal(l.access, "None", l.level);
    }
    assert.equal(iam.levels.find((l) => l.level === "List")!.access, "Full");
    assert.match(iam.accessSummary, /^Full: List( Limited: Read|, Read)$/);
  });

  it("a Deny on iam:Delete* removes those actions and lists them as denied", () => {
    const r = effectivePermissions({ identity: [admin(), policy(deny("iam:Delete*"))] });
    const deletes = expandActions("iam:Delete*");
    const allowed = allowedActions(r);
    const denied = deniedActions(r);
    assert.ok(deletes.length > 10);
    for (const a of deletes) {
      assert.equal(allowed.has(a), false, a);
      assert.deepEqual([denied.get(a)?.deniedBy, denied.get(a)?.grantedBy], [[1], [0]]);
    }
    assert.equal(r.allowed, r.total - deletes.length);
    assert.deepEqual([r.denied, r.blocked], [deletes.length, 0]);
    const iam = service(r, "iam")!;
    assert.equal(iam.denied, deletes.length);
    assert.notEqual(iam.accessSummary, "Full access");
    assert.match(iam.accessSummary, /Limited: .*Write/);
    assert.equal(service(r, "s3")!.accessSummary, "Full access");
  });

  it("NotAction allows every action its list does not match", () => {
    const r = effectivePermissions({ identity: [policy({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" })] });
    assert.equal(service(r, "iam"), undefined);
    assert.equal(service(r, "organizations"), undefined);
    assert.equal(r.allowed, r.total - actionsOf("iam").length - actionsOf("organizations").length);
    assert.equal(statusOf(r, "s3:GetObject"), "full");
    assert.equal(r.statements[0].notAction, true);
    assert.equal(r.statements[0].actionCount, r.allowed);
  });

  it("a Deny with NotAction denies everything else", () => {
    const r = effectivePermissions({ identity: [admin(), policy({ Effect: "Deny", NotAction: "s3:*", Resource: "*" })] });
    assert.deepEqual(
      r.services.filter((s) => s.allowed > 0).map((s) => s.prefix),
      ["s3"],
    );
    assert.equal(r.denied, r.total - actionsOf("s3").length);
  });

  it("matches actions case-insensitively and names them as the catalogue does", () => {
    const r = effectivePermissions({ identity: [policy(allow(["IAM:getuser", "S3:LIST*"]))] });
    assert.equal(statusOf(r, "iam:GetUser"), "full");
    assert.equal(statusOf(r, "s3:ListBucket"), "full");
    assert.equal(r.unrecognized.length, 0);
  });

  it("ignores statements without a valid Effect or without Action/NotAction, and unparsable policies", () => {
    const odd = policy([
      { Effect: "Maybe", Action: "*", Resource: "*" },
      { Effect: "Allow", Resource: "*" },
    ]);
    const broken: PolicyInput = { id: "broken", name: "broken", text: "{ not json" };
    const r = effectivePermissions({ identity: [odd, broken] });
    assert.equal(r.allowed, 0);
    assert.deepEqual(r.services, []);
    assert.deepEqual(r.statements, []);
  });
});

describe("effective permissions: resources and conditions", () => {
  it("Resource ARNs other than * make an action partial; NotResource too", () => {
    const r = effectivePermissions({
      identity: [
        policy([
          allow("s3:GetObject", "arn:aws:s3:::bucket/*"),
          { Effect: "Allow", Action: "s3:PutObject", NotResource: "arn:aws:s3:::logs/*" },
        ]),
      ],
    });
    assert.equal(statusOf(r, "s3:GetObject"), "partial");
    assert.equal(statusOf(r, "s3:PutObject"), "partial");
    assert.deepEqual(r.statements[0].resources, ["arn:aws:s3:::bucket/*"]);
    assert.deepEqual([r.statements[1].notResource, r.statements[1].status], [true, "partial"]);
    assert.deepEqual([r.partial, r.full], [2, 0]);
  });

  it("a Condition makes an action conditional; the widest statement wins within a layer", () => {
    const mfa = { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } };
    const r = effectivePermissions({
      identity: [
        policy([allow(["ec2:StartInstances", "ec2:StopInstances"], "*", mfa), allow("ec2:StopInstances", "arn:aws:ec2:*:*:instance/i-1")]),
      ],
    });
    assert.equal(statusOf(r, "ec2:StartInstances"), "conditional");
    assert.equal(statusOf(r, "ec2:StopInstances"), "partial", "an unconditional grant on some resources beats a conditional one");
    assert.deepEqual(allowedActions(r).get("ec2:StopInstances")!.grantedBy, [0, 1]);
    assert.deepEqual(r.statements[0].conditionKeys, ["aws:MultiFactorAuthPresent"]);
    assert.equal(r.statements[0].status, "conditional");
  });

  it("a Deny on some resources or under a condition narrows an allowed action instead of removing it", () => {
    const r = effectivePermissions({
      identity: [
        admin(),
        policy([
          deny("s3:*", "arn:aws:s3:::logs/*"),
          deny("ec2:TerminateInstances", "*", { Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
        ]),
      ],
    });
    const get = allowedActions(r).get("s3:GetObject")!;
    assert.deepEqual([get.status, get.grantedBy, get.limitedBy], ["partial", [0], [1]]);
    assert.equal(statusOf(r, "ec2:TerminateInstances"), "conditional");
    assert.deepEqual(allowedActions(r).get("ec2:TerminateInstances")!.limitedBy, [2]);
    assert.deepEqual([r.allowed, r.denied], [r.total, 0], "nothing is denied outright");
    assert.equal(deniedActions(r).size, 0);
    assert.equal(service(r, "s3")!.accessSummary, "Full access", "access levels count allowed actions, however allowed");
  });

  it("leaves out Denies on some resources or under conditions of actions nothing grants", () => {
    const regions = { Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } } };
    const r = effectivePermissions({
      identity: [policy([allow("s3:GetObject"), { Effect: "Deny", NotAction: "iam:*", Resource: "*", ...regions }])],
    });
    assert.deepEqual(
      r.services.map((s) => s.prefix),
      ["s3"],
    );
    assert.deepEqual([r.allowed, r.conditional, r.denied, r.blocked], [1, 1, 0, 0]);
    assert.equal(r.statements[1].actionCount, r.total - actionsOf("iam").length);
  });
});

describe("effective permissions: boundary and SCPs", () => {
  it("a permissions boundary limits to what both allow, and grants nothing itself", () => {
    const boundary = policy(allow("s3:*"), "s3-only");
    const r = effectivePermissions({ identity: [admin()], boundary });
    assert.deepEqual(
      r.services.filter((s) => s.allowed > 0).map((s) => s.prefix),
      ["s3"],
    );
    assert.equal(r.allowed, actionsOf("s3").length);
    assert.equal(r.blocked, r.total - r.allowed, "everything else is granted but blocked by the boundary");
    const iam = service(r, "iam")!;
    assert.deepEqual([iam.accessSummary, iam.blocked], ["None", iam.total]);
    const blocked = iam.levels[0].blockedActions[0];
    assert.deepEqual([blocked.grantedBy, blocked.blockedBy], [[0], [{ layer: "boundary" }]]);
    assert.deepEqual(allowedActions(r).get("s3:GetObject")!.grantedBy, [0, 1]);
    assert.deepEqual([r.statements[1].layer, r.statements[1].policyName], ["boundary", "s3-only"]);
    const none = effectivePermissions({ identity: [policy(allow("iam:GetUser"))], boundary });
    assert.equal(none.allowed, 0);
  });

  it("takes the narrowest layer's status: a partial identity grant within a conditional boundary is conditional", () => {
    const boundary = policy(allow("s3:*", "*", { Condition: { Bool: { "aws:SecureTransport": "true" } } }));
    const r = effectivePermissions({ identity: [policy([allow("s3:GetObject", "arn:aws:s3:::b/*"), allow("s3:ListBucket")])], boundary });
    assert.equal(statusOf(r, "s3:GetObject"), "conditional");
    assert.equal(statusOf(r, "s3:ListBucket"), "conditional");
    const partial = effectivePermissions({ identity: [admin()], boundary: policy(allow("s3:*", "arn:aws:s3:::b/*")) });
    assert.equal(statusOf(partial, "s3:GetObject"), "partial");
  });

  it("every SCP level must allow, and a Deny at any level wins", () => {
    const full = policy(allow("*"), "FullAWSAccess");
    const scps = [[full], [policy(allow(["s3:*", "ec2:*"]))], [policy(allow(["s3:*", "iam:*"])), policy(deny("s3:DeleteBucket"))]];
    const r = effectivePermissions({ identity: [admin()], scps });
    assert.deepEqual(
      r.services.filter((s) => s.allowed > 0).map((s) => s.prefix),
      ["s3"],
    );
    const blocked = new Map(r.services.flatMap((s) => s.levels.flatMap((l) => l.blockedActions)).map((a) => [a.action, a.blockedBy]));
    assert.deepEqual(blocked.get("ec2:RunInstances"), [{ layer: "scp", level: 2 }]);
    assert.deepEqual(blocked.get("iam:CreateUser"), [{ layer: "scp", level: 1 }]);
    assert.deepEqual(blocked.get("lambda:InvokeFunction"), [
      { layer: "scp", level: 1 },
      { layer: "scp", level: 2 },
    ]);
    assert.equal(blocked.has("s3:DeleteBucket"), false, "denied outright, not blocked");
    assert.equal(allowedActions(r).has("s3:DeleteBucket"), false);
    assert.equal(r.allowed, actionsOf("s3").length - 1);
    assert.deepEqual(allowedActions(r).get("s3:GetObject")!.grantedBy, [0, 1, 2, 3]);
    assert.deepEqual(
      r.statements.map((s) => [s.layer, s.level]),
      [
        ["identity", undefined],
        ["scp", 0],
        ["scp", 1],
        ["scp", 2],
        ["scp", 2],
      ],
    );
    assert.deepEqual(deniedActions(r).get("s3:DeleteBucket")!.deniedBy, [4]);
    const empty = effectivePermissions({ identity: [admin()], scps: [[full], []] });
    assert.equal(empty.allowed, 0, "a level with no policy allows nothing");
  });

  it("denies from the boundary and SCPs apply whatever the identity-based policies allow", () => {
    const r = effectivePermissions({
      identity: [policy(allow("iam:Get*"))],
      boundary: policy([allow("*"), deny("iam:GetUser")]),
      scps: [[policy([allow("*"), deny("ec2:*")])]],
    });
    assert.equal(allowedActions(r).has("iam:GetUser"), false);
    assert.equal(deniedActions(r).get("iam:GetUser")!.deniedBy.length, 1);
    assert.equal(service(r, "ec2")!.accessSummary, "None");
    assert.equal(service(r, "ec2")!.denied, actionsOf("ec2").length);
  });
});

describe("effective permissions: statements and unrecognized actions", () => {
  it("locates each statement in its policy text as the simulator does", () => {
    const text = [
      "{",
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    { "Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" },',
      "    {",
      '      "Effect": "Deny",',
      '      "Action": "s3:GetObject",',
      '      "Resource": "arn:aws:s3:::secret/*"',
      "    }",
      "  ]",
      "}",
    ].join("\n");
    const p: PolicyInput = { id: "user/alice/inline/S3", name: "S3 (inline, user alice)", text, sourceType: "user" };
    const r = effectivePermissions({ identity: [p] });
    const [read, secret] = r.statements;
    assert.deepEqual(
      { ...read, span: undefined },
      {
        policyId: "user/alice/inline/S3",
        policyName: "S3 (inline, user alice)",
        sourceType: "user",
        layer: "identity",
        sid: "Read",
        index: 0,
        effect: "Allow",
        span: undefined,
        start: { line: 4, column: 5 },
        end: { line: 4, column: 79 },
        resources: ["*"],
        notResource: false,
        notAction: false,
        conditionKeys: [],
        status: "full",
        actionCount: expandActions("s3:Get*").length,
      },
    );
    assert.equal(text.slice(read.span.start, read.span.end), '{ "Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" }');
    assert.deepEqual([secret.index, secret.sid, secret.start, secret.end], [1, undefined, { line: 5, column: 5 }, { line: 9, column: 6 }]);
    assert.equal(text.slice(secret.span.start, secret.span.end).at(-1), "}");
    assert.deepEqual(allowedActions(r).get("s3:GetObject")!.limitedBy, [1]);
    const principal = { arn: "arn:aws:iam::111122223333:user/alice", account: "111122223333", kind: "user" as const };
    const simulated = evaluate({
      request: { action: "s3:GetObject", resource: "arn:aws:s3:::secret/k", principal, context: {} },
      identity: [compilePolicy(p)],
    });
    const { policyId, index, span, start, end } = simulated.matched[0];
    assert.deepEqual(
      { policyId, index, span, start, end },
      { policyId: secret.policyId, index: secret.index, span: secret.span, start: secret.start, end: secret.end },
    );
  });

  it("reports Action and NotAction values that match no catalogue action, per statement", () => {
    const r = effectivePermissions({
      identity: [
        policy([
          allow(["s3:GetObject", "nosuchservice:Get*", "iam:NoSuchAction"]),
          { Effect: "Deny", NotAction: ["iam:Nope*", "*:Nothing?"], Resource: "*" },
        ]),
      ],
    });
    assert.deepEqual(r.unrecognized, [
      { pattern: "nosuchservice:Get*", reason: "service", statement: 0 },
      { pattern: "iam:NoSuchAction", reason: "action", statement: 0 },
      { pattern: "iam:Nope*", reason: "action", statement: 1 },
      { pattern: "*:Nothing?", reason: "action", statement: 1 },
    ]);
    assert.equal(lookupAction("s3:GetObject")?.accessLevel, "Read");
    assert.equal(r.denied, r.total, "a NotAction of unknown actions denies every action");
  });
});
