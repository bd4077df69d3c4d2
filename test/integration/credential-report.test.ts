import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
  "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region," +
  "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date," +
  "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
const GENERATION_MS = 1100;

function base32(s: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of s.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

function totp(seed: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", seed).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function report(h: Harness): Promise<Record<string, string>[]> {
  const out = await h.iam.send(new GetCredentialReportCommand({}));
  const [header, ...lines] = Buffer.from(out.Content!).toString("utf8").split("\n");
  assert.equal(header, HEADER);
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [HEADER.split(",")[i], v])));
}

/** Makes the stored report look older than it is, as only time can on AWS. */
const ageReport = (h: Harness, ms: number) =>
  h.aws.db
    .prepare("UPDATE accounts SET credential_report_date = ? WHERE account_id = '000000000000'")
    .run(new Date(Date.now() - ms).toISOString());

describe("IAM credential report", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  it("reports ReportNotPresent (410) before any report was generated", async () => {
    const e = await awsError(h.iam.send(new GetCredentialReportCommand({})));
    assert.equal(e.name, "CredentialReportNotPresentException");
    assert.equal(e.status, 410);
  });

  it("starts, is in progress for a moment, then completes", async () => {
    const started = await h.iam.send(new GenerateCredentialReportCommand({}));
    assert.equal(started.State, "STARTED");
    assert.equal(started.Description, "No report exists. Starting a new report generation task");
    const busy = await awsError(h.iam.send(new GetCredentialReportCommand({})));
    assert.equal(busy.name, "CredentialReportNotReadyException");
    assert.equal(busy.status, 404);
    assert.equal((await h.iam.send(new GenerateCredentialReportCommand({}))).State, "INPROGRESS");
    await sleep(GENERATION_MS);
    const done = await h.iam.send(new GenerateCredentialReportCommand({}));
    assert.deepEqual([done.State, done.Description], ["COMPLETE", undefined]);
    const out = await h.iam.send(new GetCredentialReportCommand({}));
    assert.equal(out.ReportFormat, "text/csv");
    assert.ok(out.GeneratedTime instanceof Date);
    assert.ok(Math.abs(out.GeneratedTime.getTime() - Date.now()) < 10_000);
  });

  it("puts the root account first, with AWS's not_supported and N/A values", async () => {
    const [root] = await report(h);
    assert.equal(root.user, "<root_account>");
    assert.equal(root.arn, "arn:aws:iam::000000000000:root");
    assert.match(root.user_creation_time, DATE);
    assert.deepEqual(
      [root.password_enabled, root.password_last_changed, root.password_next_rotation, root.mfa_active],
      ["not_supported", "not_supported", "not_supported", "false"],
    );
    assert.equal(root.access_key_1_active, "true", "the root user holds the default access key");
    assert.match(root.access_key_1_last_rotated, DATE);
    assert.deepEqual([root.access_key_2_active, root.access_key_2_last_rotated], ["false", "N/A"]);
    assert.deepEqual(
      [root.cert_1_active, root.cert_1_last_rotated, root.cert_2_active, root.cert_2_last_rotated],
      ["false", "N/A", "false", "N/A"],
    );
  });

  it("keeps serving the same report for four hours, then expires it (ReportExpired, 410)", async () => {
    const name = unique("late");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    assert.equal((await h.iam.send(new GenerateCredentialReportCommand({}))).State, "COMPLETE");
    assert.ok(!(await report(h)).some((r) => r.user === name), "a fresh report is not regenerated");
    ageReport(h, 4 * 3_600_000 + 1000);
    const e = await awsError(h.iam.send(new GetCredentialReportCommand({})));
    assert.equal(e.name, "CredentialReportExpiredException");
    assert.equal(e.status, 410);
    assert.equal((await h.iam.send(new GenerateCredentialReportCommand({}))).State, "STARTED");
    await sleep(GENERATION_MS);
    assert.ok((await report(h)).some((r) => r.user === name));
  });

  it("reports each user's password, MFA and access keys", async () => {
    const plain = unique("plain");
    const full = unique("full");
    await h.iam.send(new CreateUserCommand({ UserName: plain }));
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: full }));
    await h.iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 90 }));
    await h.iam.send(new CreateLoginProfileCommand({ UserName: full, Password: "Correct-Horse-Battery-9" }));
    const k1 = (await h.iam.send(new CreateAccessKeyCommand({ UserName: full }))).AccessKey!;
    const k2 = (await h.iam.send(new CreateAccessKeyCommand({ UserName: full }))).AccessKey!;
    await h.iam.send(new UpdateAccessKeyCommand({ UserName: full, AccessKeyId: k2.AccessKeyId, Status: "Inactive" }));
    await h.client(k1.AccessKeyId!, k1.SecretAccessKey!).sts.send(new GetCallerIdentityCommand({}));
    const device = (await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: full }))).VirtualMFADevice!;
    const seed = base32(Buffer.from(device.Base32StringSeed!).toString("utf8"));
    const step = Math.floor(Date.now() / 30_000);
    await h.iam.send(
      new EnableMFADeviceCommand({
        UserName: full,
        SerialNumber: device.SerialNumber,
        AuthenticationCode1: totp(seed, step - 1),
        AuthenticationCode2: totp(seed, step),
      }),
    );
    ageReport(h, 4 * 3_600_000 + 1000);
    await h.iam.send(new GenerateCredentialReportCommand({}));
    await sleep(GENERATION_MS);
    const rows = await report(h);
    assert.equal(rows[0].user, "<root_account>");

    const p = rows.find((r) => r.user === plain)!;
    assert.match(p.arn, new RegExp(`^arn:aws:iam::000000000000:user/${plain}$`));
    assert.match(p.user_creation_time, DATE);
    assert.deepEqual(
      [p.password_enabled, p.password_last_used, p.password_last_changed, p.password_next_rotation, p.mfa_active],
      ["false", "N/A", "N/A", "N/A", "false"],
    );
    assert.deepEqual(
      [
        p.access_key_1_active,
        p.access_key_1_last_rotated,
        p.access_key_1_last_used_date,
        p.access_key_1_last_used_region,
        p.access_key_1_last_used_service,
        p.access_key_2_active,
      ],
      ["false", "N/A", "N/A", "N/A", "N/A", "false"],
    );

    const f = rows.find((r) => r.user === full)!;
    assert.equal(f.arn, User!.Arn);
    assert.deepEqual([f.password_enabled, f.password_last_used, f.mfa_active], ["true", "no_information", "true"]);
    assert.match(f.password_last_changed, DATE);
    const rotation = Date.parse(f.password_next_rotation) - Date.parse(f.password_last_changed);
    assert.equal(rotation, 90 * 86_400_000);
    assert.deepEqual(
      [f.access_key_1_active, f.access_key_1_last_used_region, f.access_key_1_last_used_service],
      ["true", "us-east-1", "sts"],
    );
    assert.match(f.access_key_1_last_rotated, DATE);
    assert.match(f.access_key_1_last_used_date, DATE);
    assert.deepEqual(
      [f.access_key_2_active, f.access_key_2_last_used_date, f.access_key_2_last_used_region, f.access_key_2_last_used_service],
      ["false", "N/A", "N/A", "N/A"],
    );
    assert.match(f.access_key_2_last_rotated, DATE);
  });
});
