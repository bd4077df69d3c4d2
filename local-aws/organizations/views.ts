import type { Db } from "../store/db";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { accountArn, ouArn, policyArn, rootArn, type Org } from "./shared";
import { enabledPolicyTypes, pathOf, type MemberRow, type OuRow, type RootRow } from "./tree";

/** The objects Organizations returns, built from store rows. */

export type PolicyRow = {
  policy_id: string;
  org_id: string;
  policy_type: string;
  name: string;
  description: string;
  content: string;
  create_date: string;
};

export function accountOut(db: Db, org: Org, m: MemberRow) {
  const a = getAccount(db, m.account_id);
  const state = a?.state ?? "ACTIVE";
  return {
    Id: m.account_id,
    Arn: accountArn(org, m.account_id),
    ...(a?.email ? { Email: a.email } : {}),
    ...(a?.name ? { Name: a.name } : {}),
    // Status is deprecated in favour of State, but still returned (retired September 9, 2026).
    Status: state,
    State: state,
    Paths: [pathOf(db, org, m.account_id)],
    JoinedMethod: m.joined_method,
    JoinedTimestamp: new Date(m.joined_timestamp),
  };
}

export const rootOut = (db: Db, org: Org, r: RootRow) => ({
  Id: r.root_id,
  Arn: rootArn(org, r.root_id),
  Name: r.name,
  PolicyTypes: enabledPolicyTypes(db, r.root_id).map((Type) => ({ Type, Status: "ENABLED" })),
});

export const ouOut = (db: Db, org: Org, ou: OuRow) => ({
  Id: ou.ou_id,
  Arn: ouArn(org, ou.ou_id),
  Name: ou.name,
  Path: pathOf(db, org, ou.ou_id),
});

export const policySummaryOut = (org: Org, p: PolicyRow) => ({
  Id: p.policy_id,
  Arn: policyArn(org, p),
  Name: p.name,
  Description: p.description,
  Type: p.policy_type,
  AwsManaged: p.org_id === "aws",
});

export const policyOut = (org: Org, p: PolicyRow) => ({ PolicySummary: policySummaryOut(org, p), Content: p.content });

/** A policy this organization can see: its own, or an AWS managed one. */
export const findPolicy = (db: Db, org: Org, policyId: string) =>
  sql(db, "SELECT * FROM org_policies WHERE policy_id = ? AND org_id IN (?, 'aws')").get(policyId, org.org_id) as PolicyRow | undefined;
