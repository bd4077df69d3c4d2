import type { Ctx } from "../context";
import { on, type Check } from "./checks";
import * as t from "./targets";

type Rule = (input: any, ctx: Ctx) => Check[];

/** The named user, else the calling IAM user; nothing to authorize for the root acting on itself. */
function onUserOrSelf(action: string, ctx: Ctx, userName: string | undefined): Check[] {
  const target = userName !== undefined ? t.user(ctx, userName) : t.self(ctx);
  return target ? [on(action, target)] : [];
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
};
