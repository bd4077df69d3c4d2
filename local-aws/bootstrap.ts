import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { dataTables } from "./store/db";
import { seedManagedPolicies } from "./iam/managed-catalogue";
import { ensureRootPassword } from "./console-signin";
import { seedOrganizationsCatalogue } from "./organizations/managed";
import { discardAccess } from "./iam/access-records";

/**
 * Ensures the default account, its root access key and console password, and the AWS managed policy catalogue exist.
 * Returns a root password it had to generate, so the caller can show it once.
 */
export function bootstrap(db: Db, config: LocalAwsConfig): { generatedRootPassword?: string } {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  db.prepare("INSERT OR IGNORE INTO accounts (account_id, kind, create_date) VALUES (?, 'default', ?)").run(config.accountId, now);
  // The root user's email names the account (Organizations shows it); another account already using it keeps it.
  db.prepare(
    `UPDATE accounts SET email = ?, name = coalesce(name, ?), kind = 'default', create_date = coalesce(create_date, ?)
     WHERE account_id = ? AND NOT EXISTS (SELECT 1 FROM accounts WHERE email = ? COLLATE NOCASE AND account_id <> ?)`,
  ).run(config.rootEmail, config.accountName, now, config.accountId, config.rootEmail, config.accountId);
  const metaKey = `configured-root-key:${config.accountId}`;
  const previous = db.prepare("SELECT value FROM meta WHERE key = ?").get(metaKey) as { value: string } | undefined;
  if (previous && previous.value !== config.rootAccessKeyId) {
    // The configured root key changed: the old configured key must stop working; keys root made itself stay.
    db.prepare("DELETE FROM access_keys WHERE access_key_id = ? AND user_id IS NULL").run(previous.value);
  }
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    metaKey,
    config.rootAccessKeyId,
  );
  db.prepare(
    `INSERT INTO access_keys (access_key_id, account_id, user_id, secret_access_key, status, create_date)
     VALUES (?, ?, NULL, ?, 'Active', ?)
     ON CONFLICT (access_key_id) DO UPDATE SET secret_access_key = excluded.secret_access_key, status = 'Active'`,
  ).run(config.rootAccessKeyId, config.accountId, config.rootSecretAccessKey, now);
  seedManagedPolicies(db);
  seedOrganizationsCatalogue(db);
  return { generatedRootPassword: ensureRootPassword(db, config) };
}

/**
 * Empties every account's data (standalone and member accounts go too), keeping the AWS managed policy catalogue and
 * local settings (meta) but for other accounts' root passwords.
 */
export function resetAccountData(db: Db, defaultAccountId: string): void {
  discardAccess(db);
  db.prepare("DELETE FROM meta WHERE key LIKE 'root-password:%' AND key <> ?").run(`root-password:${defaultAccountId}`);
  for (const t of dataTables(db)) {
    if (t === "policies") db.exec("DELETE FROM policies WHERE account_id <> 'aws'");
    else if (t === "policy_versions") db.exec("DELETE FROM policy_versions WHERE policy_id NOT IN (SELECT policy_id FROM policies)");
    else if (t !== "meta") db.exec(`DELETE FROM "${t}"`);
  }
}
