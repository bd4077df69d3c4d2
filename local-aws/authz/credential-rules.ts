import type { Ctx } from "../context";
import { sql } from "../store/db";
import { createTagged, on, requestTags, tagKeys, type Check } from "./checks";
import * as t from "./targets";

type Rule = (input: any, ctx: Ctx) => Check[];

/** The named user, else the calling IAM user; nothing to authorize for the root acting on itself. */
function onUserOrSelf(action: string, ctx: Ctx, userName: string | undefined): Check[] {
  const target = userName !== undefined ? t.user(ctx, userName) : t.self(ctx);
  return target ? [on(action, target)] : [];
}

/** ListServiceSpecificCredentials with AllUsers reads every user's: authorized on all users of the account. */
function allUsers(ctx: Ctx): t.Target {
  const arn = `arn:aws:iam::${ctx.accountId}:user/*`;
  return { arn, display: arn };
}

function certificateTarget(ctx: Ctx, path: string, name: string): t.Target {
  const arn = `arn:aws:iam::${ctx.accountId}:server-certificate${path}${name}`;
  return { arn, display: arn };
}

const SERVER_CERTIFICATE_SQL = "SELECT server_certificate_id AS id, arn FROM server_certificates WHERE account_id = ? AND name_lc = ?";

/** A server certificate by name (a missing one at the default path), named by its ARN as AWS's AccessDenied does. */
function serverCertificate(ctx: Ctx, name: string): t.Target {
  const row = sql(ctx.db, SERVER_CERTIFICATE_SQL).get(ctx.accountId, String(name).toLowerCase()) as { id: string; arn: string } | undefined;
  if (!row) return certificateTarget(ctx, "/", name);
  const tags = sql(ctx.db, "SELECT key, value FROM tags WHERE resource_type = 'server-certificate' AND resource_id = ? ORDER BY seq").all(
    row.id,
  ) as { key: string; value: string }[];
  return { arn: row.arn, display: row.arn, tags };
}

/** UpdateServerCertificate needs permission on the certificate as it is and as it becomes. */
function renamedCertificate(ctx: Ctx, i: { ServerCertificateName: string; NewServerCertificateName?: string; NewPath?: string }) {
  const current = serverCertificate(ctx, i.ServerCertificateName);
  if (i.NewServerCertificateName === undefined && i.NewPath === undefined) return [on("UpdateServerCertificate", current)];
  const prefix = `arn:aws:iam::${ctx.accountId}:server-certificate`;
  const path = i.NewPath ?? current.arn.slice(prefix.length, current.arn.length - i.ServerCertificateName.length);
  const renamed = certificateTarget(ctx, path, i.NewServerCertificateName ?? i.ServerCertificateName);
  return [on("UpdateServerCertificate", current), on("UpdateServerCertificate", renamed)];
}

/** SSH public keys, signing certificates, service-specific credentials (on the user) and server certificates. */
export const credentialRules: Record<string, Rule> = {
  UploadSSHPublicKey: (i, ctx) => [on("UploadSSHPublicKey", t.user(ctx, i.UserName))],
  GetSSHPublicKey: (i, ctx) => [on("GetSSHPublicKey", t.user(ctx, i.UserName))],
  ListSSHPublicKeys: (i, ctx) => onUserOrSelf("ListSSHPublicKeys", ctx, i.UserName),
  UpdateSSHPublicKey: (i, ctx) => [on("UpdateSSHPublicKey", t.user(ctx, i.UserName))],
  DeleteSSHPublicKey: (i, ctx) => [on("DeleteSSHPublicKey", t.user(ctx, i.UserName))],
  UploadSigningCertificate: (i, ctx) => onUserOrSelf("UploadSigningCertificate", ctx, i.UserName),
  ListSigningCertificates: (i, ctx) => onUserOrSelf("ListSigningCertificates", ctx, i.UserName),
  UpdateSigningCertificate: (i, ctx) => onUserOrSelf("UpdateSigningCertificate", ctx, i.UserName),
  DeleteSigningCertificate: (i, ctx) => onUserOrSelf("DeleteSigningCertificate", ctx, i.UserName),
  CreateServiceSpecificCredential: (i, ctx) => [on("CreateServiceSpecificCredential", t.user(ctx, i.UserName))],
  ListServiceSpecificCredentials: (i, ctx) =>
    i.AllUsers ? [on("ListServiceSpecificCredentials", allUsers(ctx))] : onUserOrSelf("ListServiceSpecificCredentials", ctx, i.UserName),
  UpdateServiceSpecificCredential: (i, ctx) => onUserOrSelf("UpdateServiceSpecificCredential", ctx, i.UserName),
  ResetServiceSpecificCredential: (i, ctx) => onUserOrSelf("ResetServiceSpecificCredential", ctx, i.UserName),
  DeleteServiceSpecificCredential: (i, ctx) => onUserOrSelf("DeleteServiceSpecificCredential", ctx, i.UserName),
  UploadServerCertificate: (i, ctx) =>
    createTagged("UploadServerCertificate", "TagServerCertificate", certificateTarget(ctx, i.Path ?? "/", i.ServerCertificateName), i.Tags),
  GetServerCertificate: (i, ctx) => [on("GetServerCertificate", serverCertificate(ctx, i.ServerCertificateName))],
  ListServerCertificates: (i, ctx) => [on("ListServerCertificates", certificateTarget(ctx, i.PathPrefix ?? "/", ""))],
  UpdateServerCertificate: (i, ctx) => renamedCertificate(ctx, i),
  DeleteServerCertificate: (i, ctx) => [on("DeleteServerCertificate", serverCertificate(ctx, i.ServerCertificateName))],
  TagServerCertificate: (i, ctx) => [on("TagServerCertificate", serverCertificate(ctx, i.ServerCertificateName), requestTags(i.Tags))],
  UntagServerCertificate: (i, ctx) => [on("UntagServerCertificate", serverCertificate(ctx, i.ServerCertificateName), tagKeys(i.TagKeys))],
  ListServerCertificateTags: (i, ctx) => [on("ListServerCertificateTags", serverCertificate(ctx, i.ServerCertificateName))],
};
