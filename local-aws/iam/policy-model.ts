import type { Ctx } from "../context";
import { sql } from "../store/db";
import { AwsError, invalidInput, limitExceeded, noSuchEntity } from "../protocol/errors";
import { assertPolicyDocument, policySize } from "./policy-document";
import { encodeDocument, listTags } from "./shared";

export type PolicyRow = {
  policy_id: string;
  account_id: string;
  name: string;
  name_lc: string;
  path: string;
  arn: string;
  description: string | null;
  default_version_id: string;
  next_version: number;
  create_date: string;
  update_date: string;
};

/** The columns the Policy shape needs; ListPolicies reads only these. */
export type PolicySummary = Pick<
  PolicyRow,
  "policy_id" | "name" | "path" | "arn" | "default_version_id" | "create_date" | "update_date"
> & {
  description?: string | null;
};

export type VersionRow = { policy_id: string; version_id: string; document: string; create_date: string };

export const MAX_VERSIONS = 5;
const MAX_POLICY_SIZE = 6144;
const POLICY_ARN = /^arn:aws:iam::([^:]*):policy\/(.+)$/;

/** The account part of a managed policy ARN ('aws' for the catalogue); InvalidInput for anything else. */
function policyArnAccount(policyArn: string): string {
  const m = POLICY_ARN.exec(policyArn);
  if (!m) throw invalidInput(`ARN ${policyArn} is not valid.`);
  return m[1];
}

/** A policy this account can see: its own or an AWS managed one. */
export function findPolicy(ctx: Ctx, policyArn: string): PolicyRow | undefined {
  const account = policyArnAccount(policyArn);
  if (account !== "aws" && account !== ctx.accountId) return undefined;
  return sql(ctx.db, "SELECT * FROM policies WHERE arn = ?").get(policyArn) as PolicyRow | undefined;
}

export function getPolicyRow(ctx: Ctx, policyArn: string): PolicyRow {
  const row = findPolicy(ctx, policyArn);
  if (!row) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  return row;
}

/** Writes are refused on AWS managed policies (and other accounts' ones) before anything else. */
export function assertOwnPolicy(ctx: Ctx, policyArn: string, message: string): void {
  if (policyArnAccount(policyArn) !== ctx.accountId) throw new AwsError("AccessDenied", message, 403);
}

export function checkDocument(document: string): void {
  assertPolicyDocument(document, "identity", { managed: true });
  if (policySize(document) > MAX_POLICY_SIZE) throw limitExceeded(`Cannot exceed quota for PolicySize: ${MAX_POLICY_SIZE}`);
}

export function versionsOf(ctx: Ctx, policyId: string): VersionRow[] {
  const rows = sql(ctx.db, "SELECT * FROM policy_versions WHERE policy_id = ?").all(policyId) as VersionRow[];
  return rows.sort((a, b) => versionNumber(b.version_id) - versionNumber(a.version_id));
}

const versionNumber = (id: string) => parseInt(id.slice(1), 10);

export const versionOut = (p: PolicyRow, v: VersionRow, withDocument: boolean) => ({
  ...(withDocument ? { Document: encodeDocument(v.document) } : {}),
  VersionId: v.version_id,
  IsDefaultVersion: v.version_id === p.default_version_id,
  CreateDate: new Date(v.create_date),
});

export type Usage = { attachments: number; boundaries: number };

/** Counts within the caller's account: AWS managed policies are shared, their usage is not. */
export const usageSql = (arn: string, account: string) => `
  (SELECT COUNT(*) FROM attachments a WHERE a.policy_arn = ${arn} AND a.account_id = ${account}) AS attachments,
  (SELECT COUNT(*) FROM users u WHERE u.permissions_boundary = ${arn} AND u.account_id = ${account})
  + (SELECT COUNT(*) FROM roles r WHERE r.permissions_boundary = ${arn} AND r.account_id = ${account}) AS boundaries`;

export function usageOf(ctx: Ctx, policyArn: string): Usage {
  return sql(ctx.db, `SELECT ${usageSql("$arn", "$account")}`).get({ arn: policyArn, account: ctx.accountId }) as Usage;
}

/** The Policy shape: CreatePolicy omits Description, ListPolicies omits Description and Tags. */
export function policyOut(ctx: Ctx, p: PolicySummary, usage: Usage, shape: "create" | "get" | "list") {
  const tags = shape === "list" ? [] : listTags(ctx, "policy", p.policy_id);
  return {
    PolicyName: p.name,
    PolicyId: p.policy_id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.default_version_id,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    ...(shape === "get" && p.description ? { Description: p.description } : {}),
    CreateDate: new Date(p.create_date),
    UpdateDate: new Date(p.update_date),
    ...(shape === "get" || (shape === "create" && tags.length) ? { Tags: tags } : {}),
  };
}

/** NoSuchEntity as the version actions word it, whether the policy or the version is missing. */
export const noSuchVersion = (policyArn: string, versionId: string) =>
  noSuchEntity(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.`);
