import { createHash, randomBytes } from "node:crypto";
import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { credentialId } from "../store/ids";
import { AwsError, invalidInput, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, getUser, iso, pageOut, userOrCaller, type UserRow } from "./shared";

type CredentialRow = {
  credential_id: string;
  user_id: string;
  user_name: string;
  service_name: string;
  service_user_name: string | null;
  credential_alias: string | null;
  status: string;
  create_date: string;
  expiration_date: string | null;
};

/** Services with credentials of their own; API-key services return an alias and a secret, and may expire them. */
const SERVICES: Record<string, "password" | "api-key"> = {
  "codecommit.amazonaws.com": "password",
  "cassandra.amazonaws.com": "password",
  "bedrock.amazonaws.com": "api-key",
  "logs.amazonaws.com": "api-key",
};

const CREDENTIALS_PER_SERVICE = 2;
const DAY_MS = 86_400_000;

const SELECT = `SELECT c.*, u.name AS user_name FROM service_specific_credentials c JOIN users u ON u.user_id = c.user_id`;

const userCredentials = (ctx: Ctx, u: UserRow) =>
  sql(ctx.db, `${SELECT} WHERE c.user_id = ? ORDER BY c.create_date, c.rowid`).all(u.user_id) as CredentialRow[];

function userCredential(ctx: Ctx, userName: string | undefined, id: string): CredentialRow {
  const u = userOrCaller(ctx, userName);
  const c = u ? userCredentials(ctx, u).find((r) => r.credential_id === id) : undefined;
  if (!c) throw noSuchEntity(`The Service Specific Credential with id ${id} cannot be found.`);
  return c;
}

/** Expired is not stored: a credential past its expiration date reads as Expired. */
const statusOf = (c: CredentialRow, now: Date) =>
  c.expiration_date && now.getTime() >= Date.parse(c.expiration_date) ? "Expired" : c.status;

const metadataOut = (c: CredentialRow, now: Date) => ({
  UserName: c.user_name,
  Status: statusOf(c, now),
  ...(c.service_user_name ? { ServiceUserName: c.service_user_name } : {}),
  ...(c.credential_alias ? { ServiceCredentialAlias: c.credential_alias } : {}),
  CreateDate: new Date(c.create_date),
  ...(c.expiration_date ? { ExpirationDate: new Date(c.expiration_date) } : {}),
  ServiceSpecificCredentialId: c.credential_id,
  ServiceName: c.service_name,
});

/** A new secret, shown once: only its hash is stored. */
function newSecret(ctx: Ctx, c: CredentialRow) {
  const secret = randomBytes(32).toString("base64");
  sql(ctx.db, "UPDATE service_specific_credentials SET secret_hash = ? WHERE credential_id = ?").run(
    createHash("sha256").update(secret).digest("hex"),
    c.credential_id,
  );
  const shown = SERVICES[c.service_name] === "api-key" ? { ServiceCredentialSecret: secret } : { ServicePassword: secret };
  return { ServiceSpecificCredential: { ...metadataOut(c, ctx.now), ...shown } };
}

export const serviceSpecificCredentialsHandlers: Handlers = {
  CreateServiceSpecificCredential(input: { UserName: string; ServiceName: string; CredentialAgeDays?: number }, ctx) {
    const user = getUser(ctx, input.UserName);
    const kind = SERVICES[input.ServiceName];
    if (!kind) throw new AwsError("NotSupportedService", `The specified service ${input.ServiceName} is not supported.`, 404);
    if (input.CredentialAgeDays !== undefined && kind !== "api-key") {
      throw invalidInput(`CredentialAgeDays is not supported for service ${input.ServiceName}.`);
    }
    if (userCredentials(ctx, user).filter((c) => c.service_name === input.ServiceName).length >= CREDENTIALS_PER_SERVICE) {
      throw limitExceeded(`Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: ${CREDENTIALS_PER_SERVICE}`);
    }
    const id = credentialId("ACCA");
    const shared = `${user.name}-at-${ctx.accountId}`;
    const expires = input.CredentialAgeDays ? iso(new Date(ctx.now.getTime() + input.CredentialAgeDays * DAY_MS)) : null;
    sql(
      ctx.db,
      `INSERT INTO service_specific_credentials (credential_id, account_id, user_id, service_name, service_user_name,
         credential_alias, secret_hash, status, create_date, expiration_date) VALUES (?, ?, ?, ?, ?, ?, '', 'Active', ?, ?)`,
    ).run(
      id,
      ctx.accountId,
      user.user_id,
      input.ServiceName,
      kind === "password" ? shared : null,
      kind === "api-key" ? shared : null,
      iso(ctx.now),
      expires,
    );
    return newSecret(ctx, userCredential(ctx, user.name, id));
  },

  /** Without a user name, the caller's own; AllUsers lists every user's in the account (not with a UserName). */
  ListServiceSpecificCredentials(
    input: { UserName?: string; ServiceName?: string; AllUsers?: boolean; Marker?: string; MaxItems?: number },
    ctx,
  ) {
    if (input.AllUsers && input.UserName !== undefined) throw invalidInput("AllUsers cannot be specified together with UserName.");
    let rows: CredentialRow[];
    if (input.AllUsers) {
      rows = sql(ctx.db, `${SELECT} WHERE c.account_id = ? ORDER BY u.name_lc, c.create_date, c.rowid`).all(
        ctx.accountId,
      ) as CredentialRow[];
    } else {
      const u = userOrCaller(ctx, input.UserName);
      rows = u ? userCredentials(ctx, u) : [];
    }
    const filtered = input.ServiceName ? rows.filter((c) => c.service_name === input.ServiceName) : rows;
    return pageOut(arrayPage(input, filtered), "ServiceSpecificCredentials", (c) => metadataOut(c, ctx.now));
  },

  UpdateServiceSpecificCredential(input: { UserName?: string; ServiceSpecificCredentialId: string; Status: string }, ctx) {
    const c = userCredential(ctx, input.UserName, input.ServiceSpecificCredentialId);
    if (input.Status === "Expired") throw invalidInput("Status Expired cannot be set; a credential expires at its expiration date.");
    sql(ctx.db, "UPDATE service_specific_credentials SET status = ? WHERE credential_id = ?").run(input.Status, c.credential_id);
  },

  ResetServiceSpecificCredential(input: { UserName?: string; ServiceSpecificCredentialId: string }, ctx) {
    return newSecret(ctx, userCredential(ctx, input.UserName, input.ServiceSpecificCredentialId));
  },

  DeleteServiceSpecificCredential(input: { UserName?: string; ServiceSpecificCredentialId: string }, ctx) {
    const c = userCredential(ctx, input.UserName, input.ServiceSpecificCredentialId);
    sql(ctx.db, "DELETE FROM service_specific_credentials WHERE credential_id = ?").run(c.credential_id);
  },
};
