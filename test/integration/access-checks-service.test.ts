import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, GetPolicyCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { rootPrincipal } from "../helpers/server-services";

type Services = typeof import("../../lib/server/services/access-checks");
const ENV = ["CLEF_DATA_DIR", "CLEF_BACKEND", "CLEF_AWS_ENDPOINT"] as const;
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const iamAll = doc({ Effect: "Allow", Action: "iam:*", Resource: "*" });
const s3Read = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" });

/** The rejection's code, status and message, from a service call expected to fail. */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => assert.fail("expected the call to be refused"),
    (err: { code: string; status: number; message: string }) => err,
  );
  return { code: e.code, status: e.status, message: e.message };
}

describe("'must never be granted' checks: the console's store and their enforcement on every policy save", () => {
  let h: Harness;
  let s: Services;
  let dir: string;
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

  before(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), "clef-checks-"));
    process.env.CLEF_DATA_DIR = dir;
    delete process.env.CLEF_BACKEND;
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    s = await import("../../lib/server/services/access-checks");
  });
  after(async () => {
    for (const k of ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    rmSync(dir, { recursive: true, force: true });
    await h.stop();
  });

  it("stores checks per account in the data directory, lists and deletes them", async () => {
    const principal = rootPrincipal(h);
    assert.deepEqual(await s.listAccessChecks({ principal, input: undefined }), []);
    const made = await s.createAccessCheck({ principal, input: { name: "Temp", actions: ["ec2:RunInstances"], resources: [] } });
    assert.match(made.id, /^chk-[0-9a-f]{16}$/);
    assert.equal(made.createdBy, principal.arn);
    assert.deepEqual(
      (await s.listAccessChecks({ principal, input: undefined })).map((c) => c.name),
      ["Temp"],
    );
    const other = { ...principal, accountId: "444455556666", arn: "arn:aws:iam::444455556666:root" };
    assert.deepEqual(await s.listAccessChecks({ principal: other, input: undefined }), []);
    assert.ok(JSON.parse(readFileSync(join(dir, "access-checks.json"), "utf8")).accounts[principal.accountId]);
    assert.deepEqual(await s.deleteAccessCheck({ principal, id: made.id }), { ok: true });
    assert.deepEqual(await s.listAccessChecks({ principal, input: undefined }), []);
    assert.equal((await refusal(s.deleteAccessCheck({ principal, id: made.id }))).code, "NoSuchEntity");
  });

  it("refuses managed, inline and new-version saves that allow a listed action, naming the check and the request", async () => {
    const principal = rootPrincipal(h);
    const check = await s.createAccessCheck({ principal, input: { name: "No user creation", actions: ["iam:CreateUser"], resources: [] } });
    try {
      const { createPolicy } = await import("../../lib/server/services/policies-write");
      const { createPolicyVersion } = await import("../../lib/server/services/policy-versions");
      const { putUserPolicy } = await import("../../lib/server/services/user-permissions");
      const name = unique("guarded");
      const r = await refusal(createPolicy({ principal, input: { policyName: name, policyDocument: iamAll, tags: [] } }));
      assert.equal(r.code, "AccessCheckFailed");
      assert.equal(r.status, 422);
      assert.match(
        r.message,
        /the check "No user creation" says must never be granted: it allows iam:CreateUser on arn:aws:iam::\d{12}:user\//,
      );

      const policy = await createPolicy({ principal, input: { policyName: name, policyDocument: s3Read, tags: [] } });
      const version = refusal(
        createPolicyVersion({ principal, policyArn: policy.arn, input: { policyDocument: iamAll, setAsDefault: true } }),
      );
      assert.equal((await version).code, "AccessCheckFailed");
      assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: policy.arn }))).Policy!.DefaultVersionId, "v1");

      const denied = doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }, { Effect: "Deny", Action: "iam:CreateUser", Resource: "*" });
      const v2 = await createPolicyVersion({ principal, policyArn: policy.arn, input: { policyDocument: denied, setAsDefault: true } });
      assert.equal(v2.versionId, "v2");

      const inline = putUserPolicy({ principal, input: { userName: "nobody", policyName: "p", policyDocument: iamAll } as never });
      assert.equal((await refusal(inline)).code, "AccessCheckFailed");
    } finally {
      await s.deleteAccessCheck({ principal, id: check.id });
    }
  });

  it("checks trust policies too: a check on sts:AssumeRole for any caller blocks a trust policy that allows one", async () => {
    const principal = rootPrincipal(h);
    const roleName = unique("guarded-role");
    const trust = (svc: string) => doc({ Effect: "Allow", Principal: { Service: svc }, Action: "sts:AssumeRole" });
    await h.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
    const check = await s.createAccessCheck({
      principal,
      input: { name: "No role assumption", actions: ["sts:AssumeRole"], resources: [] },
    });
    try {
      const { updateAssumeRolePolicy } = await import("../../lib/server/services/role-trust");
      const r = await refusal(
        updateAssumeRolePolicy({ principal, params: { roleName }, input: { policyDocument: trust("lambda.amazonaws.com") } }),
      );
      assert.equal(r.code, "AccessCheckFailed");
      assert.match(r.message, /by Service lambda\.amazonaws\.com/);
      const role = (await h.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
      assert.match(decodeURIComponent(role.AssumeRolePolicyDocument!), /ec2\.amazonaws\.com/);
    } finally {
      await s.deleteAccessCheck({ principal, id: check.id });
    }
  });
});
