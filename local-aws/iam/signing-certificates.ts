import { createHash } from "node:crypto";
import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { AwsError, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, iso, pageOut, userOrCaller, type UserRow } from "./shared";
import { base32, parseCertificate } from "./x509";

type CertificateRow = { certificate_id: string; user_id: string | null; body: string; status: string; upload_date: string };

const CERTIFICATES_PER_USER = 2;

/** The certificates of one owner: an IAM user, or the account root (user_id NULL). */
const ownerCertificates = (ctx: Ctx, owner: UserRow | null) =>
  sql(ctx.db, "SELECT * FROM signing_certificates WHERE account_id = ? AND user_id IS ? ORDER BY upload_date, rowid").all(
    ctx.accountId,
    owner?.user_id ?? null,
  ) as CertificateRow[];

function ownerCertificate(ctx: Ctx, userName: string | undefined, id: string): CertificateRow {
  const cert = ownerCertificates(ctx, userOrCaller(ctx, userName)).find((c) => c.certificate_id === id);
  if (!cert) throw noSuchEntity(`The Certificate with id ${id} cannot be found.`);
  return cert;
}

/** The root's certificates carry no user name, as its access keys don't. */
const certificateOut = (c: CertificateRow, owner: UserRow | null) => ({
  ...(owner ? { UserName: owner.name } : {}),
  CertificateId: c.certificate_id,
  CertificateBody: c.body,
  Status: c.status,
  UploadDate: new Date(c.upload_date),
});

export const signingCertificatesHandlers: Handlers = {
  /** The certificate's ID is its SHA-1 fingerprint in base32, so one certificate belongs to one owner per account. */
  UploadSigningCertificate(input: { UserName?: string; CertificateBody: string }, ctx) {
    const owner = userOrCaller(ctx, input.UserName);
    const cert = parseCertificate(input.CertificateBody, ctx.now);
    if (cert.publicKey.asymmetricKeyType !== "rsa") {
      throw new AwsError("InvalidCertificate", "The certificate's public key must be an RSA key.", 400);
    }
    const id = base32(createHash("sha1").update(cert.raw).digest());
    if (sql(ctx.db, "SELECT 1 FROM signing_certificates WHERE account_id = ? AND certificate_id = ?").get(ctx.accountId, id)) {
      throw new AwsError("DuplicateCertificate", "The same certificate is already associated with an IAM user in this account.", 409);
    }
    if (ownerCertificates(ctx, owner).length >= CERTIFICATES_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for CertificatesPerUser: ${CERTIFICATES_PER_USER}`);
    }
    sql(
      ctx.db,
      `INSERT INTO signing_certificates (certificate_id, account_id, user_id, body, status, upload_date)
       VALUES (?, ?, ?, ?, 'Active', ?)`,
    ).run(id, ctx.accountId, owner?.user_id ?? null, input.CertificateBody, iso(ctx.now));
    return { Certificate: certificateOut(ownerCertificate(ctx, input.UserName, id), owner) };
  },

  ListSigningCertificates(input: { UserName?: string; Marker?: string; MaxItems?: number }, ctx) {
    const owner = userOrCaller(ctx, input.UserName);
    return pageOut(arrayPage(input, ownerCertificates(ctx, owner)), "Certificates", (c) => certificateOut(c, owner));
  },

  UpdateSigningCertificate(input: { UserName?: string; CertificateId: string; Status: string }, ctx) {
    const cert = ownerCertificate(ctx, input.UserName, input.CertificateId);
    sql(ctx.db, "UPDATE signing_certificates SET status = ? WHERE account_id = ? AND certificate_id = ?").run(
      input.Status,
      ctx.accountId,
      cert.certificate_id,
    );
  },

  DeleteSigningCertificate(input: { UserName?: string; CertificateId: string }, ctx) {
    const cert = ownerCertificate(ctx, input.UserName, input.CertificateId);
    sql(ctx.db, "DELETE FROM signing_certificates WHERE account_id = ? AND certificate_id = ?").run(ctx.accountId, cert.certificate_id);
  },
};
