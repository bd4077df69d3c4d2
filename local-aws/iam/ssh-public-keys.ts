import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { credentialId } from "../store/ids";
import { AwsError, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, getUser, iso, pageOut, userOrCaller, type UserRow } from "./shared";
import { encodeSshKey, md5Fingerprint, parseSshPublicKey } from "./ssh-key-format";

type SshKeyRow = {
  ssh_public_key_id: string;
  user_id: string;
  body: string;
  wire: string;
  fingerprint: string;
  status: string;
  upload_date: string;
};

const SSH_PUBLIC_KEYS_PER_USER = 5;

/** A user's keys in key ID order, as the IAM console lists them. */
const userKeys = (ctx: Ctx, u: UserRow) =>
  sql(ctx.db, "SELECT * FROM ssh_public_keys WHERE user_id = ? ORDER BY ssh_public_key_id").all(u.user_id) as SshKeyRow[];

function userKey(ctx: Ctx, userName: string, id: string): { user: UserRow; key: SshKeyRow } {
  const user = getUser(ctx, userName);
  const key = userKeys(ctx, user).find((k) => k.ssh_public_key_id === id);
  if (!key) throw noSuchEntity(`The SSH Public Key with id ${id} cannot be found.`);
  return { user, key };
}

const metadataOut = (k: SshKeyRow, u: UserRow) => ({
  UserName: u.name,
  SSHPublicKeyId: k.ssh_public_key_id,
  Status: k.status,
  UploadDate: new Date(k.upload_date),
});

const keyOut = (k: SshKeyRow, u: UserRow, body = k.body) => ({ ...metadataOut(k, u), Fingerprint: k.fingerprint, SSHPublicKeyBody: body });

export const sshPublicKeysHandlers: Handlers = {
  UploadSSHPublicKey(input: { UserName: string; SSHPublicKeyBody: string }, ctx) {
    const user = getUser(ctx, input.UserName);
    const { wire } = parseSshPublicKey(input.SSHPublicKeyBody);
    const existing = userKeys(ctx, user);
    if (existing.some((k) => k.wire === wire.toString("base64"))) {
      throw new AwsError("DuplicateSSHPublicKey", "The SSH public key is already associated with the specified IAM user.", 400);
    }
    if (existing.length >= SSH_PUBLIC_KEYS_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for SSHPublicKeysPerUser: ${SSH_PUBLIC_KEYS_PER_USER}`);
    }
    const id = credentialId("APKA");
    sql(
      ctx.db,
      `INSERT INTO ssh_public_keys (ssh_public_key_id, account_id, user_id, body, wire, fingerprint, status, upload_date)
       VALUES (?, ?, ?, ?, ?, ?, 'Active', ?)`,
    ).run(id, ctx.accountId, user.user_id, input.SSHPublicKeyBody, wire.toString("base64"), md5Fingerprint(wire), iso(ctx.now));
    return { SSHPublicKey: keyOut(userKey(ctx, user.name, id).key, user) };
  },

  GetSSHPublicKey(input: { UserName: string; SSHPublicKeyId: string; Encoding: "SSH" | "PEM" }, ctx) {
    const { user, key } = userKey(ctx, input.UserName, input.SSHPublicKeyId);
    return { SSHPublicKey: keyOut(key, user, encodeSshKey(key.body, input.Encoding)) };
  },

  /** Without a user name, the caller's own keys; the account root has none. */
  ListSSHPublicKeys(input: { UserName?: string; Marker?: string; MaxItems?: number }, ctx) {
    const user = userOrCaller(ctx, input.UserName);
    const keys = user ? userKeys(ctx, user) : [];
    return pageOut(arrayPage(input, keys), "SSHPublicKeys", (k) => metadataOut(k, user!));
  },

  UpdateSSHPublicKey(input: { UserName: string; SSHPublicKeyId: string; Status: string }, ctx) {
    const { key } = userKey(ctx, input.UserName, input.SSHPublicKeyId);
    sql(ctx.db, "UPDATE ssh_public_keys SET status = ? WHERE ssh_public_key_id = ?").run(input.Status, key.ssh_public_key_id);
  },

  DeleteSSHPublicKey(input: { UserName: string; SSHPublicKeyId: string }, ctx) {
    const { key } = userKey(ctx, input.UserName, input.SSHPublicKeyId);
    sql(ctx.db, "DELETE FROM ssh_public_keys WHERE ssh_public_key_id = ?").run(key.ssh_public_key_id);
  },
};
