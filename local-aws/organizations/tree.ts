import type { Db } from "../store/db";
import { sql } from "../store/db";
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from "./managed";
import type { Org } from "./shared";

/** The organization's tree in the store: roots, OUs, member accounts, and the policy types enabled on the root. */

export type MemberRow = { account_id: string; org_id: string; parent_id: string; joined_method: string; joined_timestamp: string };
export type RootRow = { root_id: string; org_id: string; name: string };
export type OuRow = { ou_id: string; org_id: string; parent_id: string; name: string; create_date: string };

export const getOrg = (db: Db, orgId: string) => sql(db, "SELECT * FROM org_organizations WHERE org_id = ?").get(orgId) as Org | undefined;

export const getMember = (db: Db, accountId: string) =>
  sql(db, "SELECT * FROM org_members WHERE account_id = ?").get(accountId) as MemberRow | undefined;

/** The organization an account belongs to (as its management account or a member), if any. */
export function orgOfAccount(db: Db, accountId: string): Org | undefined {
  const m = getMember(db, accountId);
  return m ? getOrg(db, m.org_id) : undefined;
}

export const rootOf = (db: Db, orgId: string) => sql(db, "SELECT * FROM org_roots WHERE org_id = ?").get(orgId) as RootRow;

export const getRoot = (db: Db, org: Org, rootId: string) =>
  sql(db, "SELECT * FROM org_roots WHERE root_id = ? AND org_id = ?").get(rootId, org.org_id) as RootRow | undefined;

export const getOu = (db: Db, org: Org, ouId: string) =>
  sql(db, "SELECT * FROM org_units WHERE ou_id = ? AND org_id = ?").get(ouId, org.org_id) as OuRow | undefined;

export const memberOf = (db: Db, org: Org, accountId: string) =>
  sql(db, "SELECT * FROM org_members WHERE account_id = ? AND org_id = ?").get(accountId, org.org_id) as MemberRow | undefined;

/** Whether a root or OU of this organization has this ID. */
export const containerExists = (db: Db, org: Org, id: string) =>
  id.startsWith("r-") ? getRoot(db, org, id) !== undefined : id.startsWith("ou-") && getOu(db, org, id) !== undefined;

/** Whether a root, OU or account of this organization has this ID. */
export const targetExists = (db: Db, org: Org, id: string) =>
  /^\d{12}$/.test(id) ? memberOf(db, org, id) !== undefined : containerExists(db, org, id);

export const childOus = (db: Db, parentId: string) =>
  sql(db, "SELECT * FROM org_units WHERE parent_id = ? ORDER BY create_date, ou_id").all(parentId) as OuRow[];

export const childAccounts = (db: Db, parentId: string) =>
  sql(db, "SELECT * FROM org_members WHERE parent_id = ? ORDER BY joined_timestamp, account_id").all(parentId) as MemberRow[];

export const orgMembers = (db: Db, orgId: string) =>
  sql(db, "SELECT * FROM org_members WHERE org_id = ? ORDER BY joined_timestamp, account_id").all(orgId) as MemberRow[];

/** The containers above a root, OU or account, nearest first (the root last). */
export function ancestors(db: Db, org: Org, id: string): string[] {
  const out: string[] = [];
  let parent = /^\d{12}$/.test(id) ? memberOf(db, org, id)?.parent_id : id.startsWith("ou-") ? getOu(db, org, id)?.parent_id : undefined;
  while (parent) {
    out.push(parent);
    parent = parent.startsWith("ou-") ? getOu(db, org, parent)?.parent_id : undefined;
  }
  return out;
}

/** `o-…/r-…/ou-…/` down to and including `id` (an account ends `<id>/`), as OrganizationalUnit.Path and Account.Paths give it. */
export const pathOf = (db: Db, org: Org, id: string) => `${org.org_id}/${[...ancestors(db, org, id).reverse(), id].join("/")}/`;

export const enabledPolicyTypes = (db: Db, rootId: string) =>
  (
    sql(db, "SELECT policy_type FROM org_root_policy_types WHERE root_id = ? ORDER BY policy_type").all(rootId) as { policy_type: string }[]
  ).map((r) => r.policy_type);

export const typeEnabled = (db: Db, org: Org, type: string) => enabledPolicyTypes(db, rootOf(db, org.org_id).root_id).includes(type);

export function attachPolicy(db: Db, org: Org, policyId: string, targetId: string): void {
  const { seq } = sql(db, "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM org_attachments").get() as { seq: number };
  sql(db, "INSERT OR IGNORE INTO org_attachments (policy_id, target_id, org_id, seq) VALUES (?, ?, ?, ?)").run(
    policyId,
    targetId,
    org.org_id,
    seq,
  );
}

/** AWS attaches FullAWSAccess / RCPFullAWSAccess to every new OU and account while those types are enabled. */
export function attachDefaults(db: Db, org: Org, targetId: string): void {
  const enabled = enabledPolicyTypes(db, rootOf(db, org.org_id).root_id);
  for (const p of [FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS]) if (enabled.includes(p.type)) attachPolicy(db, org, p.id, targetId);
}

/** Forgets a root, OU or account's attachments and tags (on deletion, or when an account leaves). */
export function forgetTarget(db: Db, targetId: string): void {
  sql(db, "DELETE FROM org_attachments WHERE target_id = ?").run(targetId);
  sql(db, "DELETE FROM org_tags WHERE resource_id = ?").run(targetId);
}
