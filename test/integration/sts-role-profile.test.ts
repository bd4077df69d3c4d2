import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromIni } from "@aws-sdk/credential-providers";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { allow, iamUser, policy } from "../helpers/iam-user";
import { standaloneAccount, trusting, trustPolicy } from "../helpers/sessions";

describe("a shared-config role profile (role_arn, source_profile, external_id) works unchanged against local-aws", () => {
  let h: Harness;
  let dir: string;
  before(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), "clef-profile-"));
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the SDK's own profile chain assumes the role in another account, with the external ID", async () => {
    const partnerId = String(500000000000 + Math.floor(Math.random() * 99999999));
    const partner = await standaloneAccount(h, partnerId);
    const dev = await iamUser(h, { prefix: "dev", inline: policy(allow("sts:AssumeRole", `arn:aws:iam::${partnerId}:role/*`)) });
    const roleName = unique("vendor");
    await partner.iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: trustPolicy(
          trusting({ AWS: dev.arn }, "sts:AssumeRole", { StringEquals: { "sts:ExternalId": "ext-123" } }),
        ),
      }),
    );
    await partner.iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: "read",
        PolicyDocument: JSON.stringify(policy(allow("iam:ListRoles"))),
      }),
    );
    // The SDK caches shared config files by the credentials file's path: each variant gets its own pair of files.
    const files = (variant: string, externalId: string) => {
      const config = join(dir, `config-${variant}`);
      const credentials = join(dir, `credentials-${variant}`);
      writeFileSync(credentials, `[dev]\naws_access_key_id = ${dev.accessKeyId}\naws_secret_access_key = ${dev.secretAccessKey}\n`);
      writeFileSync(config, profile(externalId));
      return { credentials, config };
    };
    const profile = (externalId: string) =>
      `[profile dev]\nregion = us-east-1\n\n[profile vendor]\nrole_arn = arn:aws:iam::${partnerId}:role/${roleName}\nsource_profile = dev\nexternal_id = ${externalId}\nregion = us-east-1\n`;
    const provider = (f: { credentials: string; config: string }) =>
      fromIni({
        profile: "vendor",
        filepath: f.credentials,
        configFilepath: f.config,
        clientConfig: { endpoint: h.aws.url, region: "us-east-1" },
      });

    const right = files("right", "ext-123");
    const sts = new STSClient({ endpoint: h.aws.url, region: "us-east-1", credentials: provider(right) });
    const id = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Account, partnerId);
    assert.match(id.Arn!, new RegExp(`^arn:aws:sts::${partnerId}:assumed-role/${roleName}/aws-sdk-js-\\d+$`));
    const iam = new IAMClient({ endpoint: h.aws.url, region: "us-east-1", credentials: provider(right) });
    const roles = await iam.send(new ListRolesCommand({}));
    assert.ok(roles.Roles!.some((r) => r.RoleName === roleName));

    await assert.rejects(
      new STSClient({ endpoint: h.aws.url, region: "us-east-1", credentials: provider(files("wrong", "wrong")) }).send(
        new GetCallerIdentityCommand({}),
      ),
      (err: Error) =>
        err.message ===
        `User: ${dev.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${partnerId}:role/${roleName}`,
    );
  });
});
