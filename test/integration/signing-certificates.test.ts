import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, X509Certificate } from "node:crypto";
import {
  CreateUserCommand,
  DeleteSigningCertificateCommand,
  DeleteUserCommand,
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListSigningCertificatesCommand,
  UpdateSigningCertificateCommand,
  UploadSigningCertificateCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { allow, iamUser, policy } from "../helpers/iam-user";
import { fixture } from "../helpers/certificates";

/** RFC 4648 base32 of the certificate's SHA-1, the form of AWS's 32-character certificate IDs. */
function fingerprintId(pem: string): string {
  const digest = createHash("sha1").update(new X509Certificate(pem).raw).digest();
  let bits = "";
  for (const b of digest) bits += b.toString(2).padStart(8, "0");
  return bits
    .match(/.{1,5}/g)!
    .map((c) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[parseInt(c.padEnd(5, "0"), 2)])
    .join("");
}

describe("IAM signing certificates", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async () => {
    const name = unique("cert-user");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    return name;
  };
  const upload = (UserName: string | undefined, CertificateBody: string) =>
    h.iam.send(new UploadSigningCertificateCommand({ UserName, CertificateBody }));

  it("uploads a certificate: its body as sent, Active, and an ID from its fingerprint", async () => {
    const user = await newUser();
    const body = fixture("signing-1.pem");
    const { Certificate: c } = await upload(user, body);
    assert.equal(c!.UserName, user);
    assert.equal(c!.CertificateBody, body);
    assert.equal(c!.Status, "Active");
    assert.equal(c!.CertificateId, fingerprintId(body));
    assert.match(c!.CertificateId!, /^[A-Z2-7]{32}$/);
    assert.ok(c!.UploadDate instanceof Date);

    const dup = await awsError(upload(await newUser(), body));
    assert.deepEqual(dup, {
      name: "DuplicateCertificateException",
      message: "The same certificate is already associated with an IAM user in this account.",
      status: 409,
    });
    await h.iam.send(new DeleteSigningCertificateCommand({ UserName: user, CertificateId: c!.CertificateId }));
  });

  it("refuses what is not one PEM certificate, expired certificates and non-RSA keys", async () => {
    const user = await newUser();
    for (const body of ["notacert", `${fixture("signing-1.pem")}${fixture("signing-2.pem")}`, fixture("server.key")]) {
      assert.deepEqual(await awsError(upload(user, body)), {
        name: "MalformedCertificateException",
        message: "Unable to parse certificate. Please ensure the certificate is in PEM format.",
        status: 400,
      });
    }
    assert.deepEqual(await awsError(upload(user, fixture("expired.pem"))), {
      name: "MalformedCertificateException",
      message: "Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.",
      status: 400,
    });
    assert.deepEqual(await awsError(upload(user, fixture("ec.pem"))), {
      name: "InvalidCertificateException",
      message: "The certificate's public key must be an RSA key.",
      status: 400,
    });
  });

  it("holds two per user, lists them in upload order, updates and deletes them", async () => {
    const user = await newUser();
    const a = (await upload(user, fixture("signing-2.pem"))).Certificate!.CertificateId!;
    const b = (await upload(user, fixture("signing-3.pem"))).Certificate!.CertificateId!;
    assert.deepEqual(await awsError(upload(user, fixture("signing-1.pem"))), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for CertificatesPerUser: 2",
      status: 409,
    });
    await h.iam.send(new UpdateSigningCertificateCommand({ UserName: user, CertificateId: a, Status: "Inactive" }));
    const { Certificates, IsTruncated } = await h.iam.send(new ListSigningCertificatesCommand({ UserName: user }));
    assert.equal(IsTruncated, false);
    assert.deepEqual(
      Certificates!.map((c) => [c.CertificateId, c.Status, c.CertificateBody]),
      [
        [a, "Inactive", fixture("signing-2.pem")],
        [b, "Active", fixture("signing-3.pem")],
      ],
    );
    const paged = await h.iam.send(new ListSigningCertificatesCommand({ UserName: user, MaxItems: 1 }));
    assert.equal(paged.IsTruncated, true);
    assert.equal(paged.Certificates![0].CertificateId, a);

    while ((await h.iam.send(new GenerateCredentialReportCommand({}))).State !== "COMPLETE") await new Promise((r) => setTimeout(r, 100));
    const csv = Buffer.from((await h.iam.send(new GetCredentialReportCommand({}))).Content!).toString("utf8");
    const [header, ...rows] = csv.split("\n").map((l) => l.split(","));
    const row = Object.fromEntries(header.map((k, i) => [k, rows.find((r) => r[0] === user)![i]]));
    assert.equal(row.cert_1_active, "false");
    assert.equal(row.cert_2_active, "true");
    assert.match(row.cert_1_last_rotated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);

    assert.deepEqual(await awsError(h.iam.send(new DeleteUserCommand({ UserName: user }))), {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must delete signing certificates first.",
      status: 409,
    });
    for (const id of [a, b]) await h.iam.send(new DeleteSigningCertificateCommand({ UserName: user, CertificateId: id }));
    assert.deepEqual(await awsError(h.iam.send(new DeleteSigningCertificateCommand({ UserName: user, CertificateId: a }))), {
      name: "NoSuchEntityException",
      message: `The Certificate with id ${a} cannot be found.`,
      status: 404,
    });
    await h.iam.send(new DeleteUserCommand({ UserName: user }));
  });

  it("names a missing user before a missing certificate", async () => {
    const e = await awsError(
      h.iam.send(new UpdateSigningCertificateCommand({ UserName: "notauser", CertificateId: "x".repeat(32), Status: "Inactive" })),
    );
    assert.deepEqual(e, { name: "NoSuchEntityException", message: "The user with name notauser cannot be found.", status: 404 });
  });

  it("acts on the caller without a user name: an IAM user's own, or the root's (no user name)", async () => {
    const me = await iamUser(h, {
      inline: policy(allow(["iam:UploadSigningCertificate", "iam:ListSigningCertificates"], "arn:aws:iam::*:user/${aws:username}")),
    });
    const { Certificate } = await me.iam.send(new UploadSigningCertificateCommand({ CertificateBody: fixture("signing-1.pem") }));
    assert.equal(Certificate!.UserName, me.name);
    const denied = await awsError(me.iam.send(new DeleteSigningCertificateCommand({ CertificateId: Certificate!.CertificateId })));
    assert.equal(denied.name, "AccessDenied");
    assert.match(denied.message, new RegExp(`iam:DeleteSigningCertificate on resource: user ${me.name} because`));
    await h.iam.send(new DeleteSigningCertificateCommand({ UserName: me.name, CertificateId: Certificate!.CertificateId }));

    const { Certificate: root } = await upload(undefined, fixture("signing-1.pem"));
    assert.equal(root!.UserName, undefined);
    const summary = (await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    assert.equal(summary.AccountSigningCertificatesPresent, 1);
    const listed = (await h.iam.send(new ListSigningCertificatesCommand({}))).Certificates!;
    assert.deepEqual(
      listed.map((c) => c.CertificateId),
      [root!.CertificateId],
    );
    await h.iam.send(new DeleteSigningCertificateCommand({ CertificateId: root!.CertificateId }));
    assert.equal((await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.AccountSigningCertificatesPresent, 0);
  });
});
