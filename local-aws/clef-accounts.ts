import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { sql } from "./store/db";
import { accessKeyExists, accountByEmail, addRootAccessKey, getAccount, insertAccount, listAccounts, setRootPassword } from "./accounts";
import { orgOfAccount } from "./organizations/tree";
import type { ClefResponse } from "./clef-routes";

const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const str = (v: unknown, max = 512) => (typeof v === "string" && v.length > 0 && v.length <= max ? v : undefined);

/**
 * Standalone accounts for cross-account stories outside an organization (a partner, a vendor): `PUT
 * /_clef/accounts/ACCOUNT_ID` with optional {name, email, rootAccessKeyId + rootSecretAccessKey, rootPassword}; root
 * keys not given are generated and returned this once. `GET /_clef/accounts` lists every account of this local world;
 * `GET /_clef/accounts/by-alias/ALIAS` names the account with that alias (the console's Switch role takes aliases).
 */
export function accountsRoute(
  db: Db,
  config: LocalAwsConfig,
  method: string,
  parts: string[],
  body: Record<string, unknown> | undefined,
): ClefResponse {
  if (method === "GET" && parts.length === 1) {
    const accounts = listAccounts(db).map((a) => ({
      accountId: a.account_id,
      kind: a.kind,
      ...(a.name ? { name: a.name } : {}),
      ...(a.email ? { email: a.email } : {}),
      state: a.state,
      ...(orgOfAccount(db, a.account_id) ? { organizationId: orgOfAccount(db, a.account_id)!.org_id } : {}),
    }));
    return { status: 200, body: { accounts } };
  }
  if (method === "GET" && parts.length === 3 && parts[1] === "by-alias") return accountByAlias(db, parts[2]);
  if (method !== "PUT" || parts.length !== 2) return { status: 404, body: { error: `No route ${method} /_clef/${parts.join("/")}` } };
  const accountId = parts[1];
  if (!/^\d{12}$/.test(accountId)) return { status: 400, body: { error: "An account ID is 12 digits." } };
  if (!body)
    return {
      status: 400,
      body: { error: "Expected a JSON object: {name?, email?, rootAccessKeyId?, rootSecretAccessKey?, rootPassword?}." },
    };
  if (getAccount(db, accountId)) return { status: 409, body: { error: `Account ${accountId} already exists.` } };
  const name = str(body.name, 50);
  // AWS account names are 1-50 characters (Organizations' CreateAccount rule).
  if (body.name !== undefined && !name) return { status: 400, body: { error: "name must be 1 to 50 characters." } };
  const email = str(body.email, 64);
  if (body.email !== undefined && (!email || !EMAIL.test(email))) return { status: 400, body: { error: "Enter a valid email address." } };
  if (email && (accountByEmail(db, email) || email.toLowerCase() === config.rootEmail.toLowerCase())) {
    return { status: 409, body: { error: `Another account already uses ${email}.` } };
  }
  const keyId = str(body.rootAccessKeyId, 128);
  const secret = str(body.rootSecretAccessKey, 128);
  if ((body.rootAccessKeyId !== undefined || body.rootSecretAccessKey !== undefined) && (!keyId || !secret || !ACCESS_KEY_ID.test(keyId))) {
    return { status: 400, body: { error: "Give rootAccessKeyId (16-128 of A-Z 0-9) and rootSecretAccessKey together, or neither." } };
  }
  if (keyId && accessKeyExists(db, keyId)) return { status: 409, body: { error: `The access key ${keyId} is already in use.` } };
  const password = str(body.rootPassword, 128);
  if (body.rootPassword !== undefined && (!password || password.length < 8)) {
    return { status: 400, body: { error: "rootPassword must be 8 to 128 characters." } };
  }
  // The root user signs in to the console with the account's email address, so a password alone could never be used.
  if (password && !email) return { status: 400, body: { error: "A rootPassword needs an email: the root user signs in with it." } };
  const now = new Date();
  const key = db.transaction(() => {
    insertAccount(db, { accountId, kind: "standalone", name, email, now });
    if (password) setRootPassword(db, accountId, password);
    return addRootAccessKey(db, accountId, now, keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined);
  })();
  return {
    status: 201,
    body: {
      accountId,
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      rootAccessKeyId: key.accessKeyId,
      ...(keyId ? {} : { rootSecretAccessKey: key.secretAccessKey }),
    },
  };
}

function accountByAlias(db: Db, alias: string): ClefResponse {
  const row = sql(db, "SELECT account_id FROM account_aliases WHERE alias = ?").get(alias.toLowerCase()) as
    { account_id: string } | undefined;
  return row
    ? { status: 200, body: { accountId: row.account_id, alias: alias.toLowerCase() } }
    : { status: 404, body: { error: `No account has the alias ${alias}.` } };
}
