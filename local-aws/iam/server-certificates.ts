import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { entityAlreadyExists, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arn, arrayPage, deleteAllTags, iso, keysetPage, listTags, pageOut, pathPrefix, putTags, removeTags, type Tag } from "./shared";
import { validateServerCertificate } from "./server-certificate-pem";

type CertificateRow = {
  server_certificate_id: string;
  name: string;
  name_lc: string;
  path: string;
  arn: string;
  body: string;
  chain: string | null;
  upload_date: string;
  expiration: string;
};

const SERVER_CERTIFICATES_PER_ACCOUNT = 20;

const findCertificate = (ctx: Ctx, name: string) =>
  sql(ctx.db, "SELECT * FROM server_certificates WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) as
    CertificateRow | undefined;

function getCertificate(ctx: Ctx, name: string): CertificateRow {
  const c = findCertificate(ctx, name);
  if (!c) throw noSuchEntity(`The Server Certificate with name ${name} cannot be found.`);
  return c;
}

const alreadyExists = (name: string) => entityAlreadyExists(`The Server Certificate with name ${name} already exists.`);

const metadataOut = (c: CertificateRow) => ({
  Path: c.path,
  ServerCertificateName: c.name,
  ServerCertificateId: c.server_certificate_id,
  Arn: c.arn,
  UploadDate: new Date(c.upload_date),
  Expiration: new Date(c.expiration),
});

type Upload = {
  ServerCertificateName: string;
  CertificateBody: string;
  PrivateKey: string;
  CertificateChain?: string;
  Path?: string;
  Tags?: Tag[];
};

export const serverCertificatesHandlers: Handlers = {
  UploadServerCertificate(input: Upload, ctx) {
    const name = input.ServerCertificateName;
    if (findCertificate(ctx, name)) throw alreadyExists(name);
    const count = sql(ctx.db, "SELECT COUNT(*) AS n FROM server_certificates WHERE account_id = ?").get(ctx.accountId) as { n: number };
    if (count.n >= SERVER_CERTIFICATES_PER_ACCOUNT) {
      throw limitExceeded(`Cannot exceed quota for ServerCertificatesPerAccount: ${SERVER_CERTIFICATES_PER_ACCOUNT}`);
    }
    const { expiration } = validateServerCertificate(input, ctx.now);
    const path = input.Path ?? "/";
    const id = uniqueId("ASCA");
    sql(
      ctx.db,
      `INSERT INTO server_certificates (server_certificate_id, account_id, name, name_lc, path, arn, body, chain, private_key,
         upload_date, expiration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      ctx.accountId,
      name,
      name.toLowerCase(),
      path,
      arn(ctx, "server-certificate", path, name),
      input.CertificateBody.trim(),
      input.CertificateChain?.trim() ?? null,
      input.PrivateKey,
      iso(ctx.now),
      iso(expiration),
    );
    putTags(ctx, "server-certificate", id, input.Tags);
    const tags = listTags(ctx, "server-certificate", id);
    return { ServerCertificateMetadata: metadataOut(getCertificate(ctx, name)), ...(tags.length ? { Tags: tags } : {}) };
  },

  /** The private key stays in IAM: no action returns it. */
  GetServerCertificate(input: { ServerCertificateName: string }, ctx) {
    const c = getCertificate(ctx, input.ServerCertificateName);
    const tags = listTags(ctx, "server-certificate", c.server_certificate_id);
    return {
      ServerCertificate: {
        ServerCertificateMetadata: metadataOut(c),
        CertificateBody: c.body,
        ...(c.chain ? { CertificateChain: c.chain } : {}),
        ...(tags.length ? { Tags: tags } : {}),
      },
    };
  },

  ListServerCertificates(input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, ctx) {
    const prefix = pathPrefix(input);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT * FROM server_certificates WHERE account_id = ? AND substr(path, 1, length(?)) = ? AND name_lc > ?
           ORDER BY name_lc LIMIT ?`,
        ).all(ctx.accountId, prefix, prefix, after, limit) as CertificateRow[],
      (c) => c.name_lc,
    );
    return pageOut(page, "ServerCertificateMetadataList", metadataOut);
  },

  UpdateServerCertificate(input: { ServerCertificateName: string; NewServerCertificateName?: string; NewPath?: string }, ctx) {
    const c = getCertificate(ctx, input.ServerCertificateName);
    const name = input.NewServerCertificateName ?? c.name;
    if (name.toLowerCase() !== c.name_lc && findCertificate(ctx, name)) throw alreadyExists(name);
    const path = input.NewPath ?? c.path;
    sql(ctx.db, "UPDATE server_certificates SET name = ?, name_lc = ?, path = ?, arn = ? WHERE server_certificate_id = ?").run(
      name,
      name.toLowerCase(),
      path,
      arn(ctx, "server-certificate", path, name),
      c.server_certificate_id,
    );
  },

  DeleteServerCertificate(input: { ServerCertificateName: string }, ctx) {
    const c = getCertificate(ctx, input.ServerCertificateName);
    sql(ctx.db, "DELETE FROM server_certificates WHERE server_certificate_id = ?").run(c.server_certificate_id);
    deleteAllTags(ctx, "server-certificate", c.server_certificate_id);
  },

  TagServerCertificate(input: { ServerCertificateName: string; Tags: Tag[] }, ctx) {
    putTags(ctx, "server-certificate", getCertificate(ctx, input.ServerCertificateName).server_certificate_id, input.Tags);
  },

  UntagServerCertificate(input: { ServerCertificateName: string; TagKeys: string[] }, ctx) {
    removeTags(ctx, "server-certificate", getCertificate(ctx, input.ServerCertificateName).server_certificate_id, input.TagKeys);
  },

  ListServerCertificateTags(input: { ServerCertificateName: string; Marker?: string; MaxItems?: number }, ctx) {
    const id = getCertificate(ctx, input.ServerCertificateName).server_certificate_id;
    return pageOut(arrayPage(input, listTags(ctx, "server-certificate", id)), "Tags", (t) => t);
  },
};
