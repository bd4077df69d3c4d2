import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { deleteConflict, entityAlreadyExists, limitExceeded, validationError } from "../protocol/errors";
import { arn, deleteAllTags, iso, keysetPage, pageOut, pathPrefix, reachesQuota, type Tag } from "./shared";
import { assertOwnPolicy, checkDocument, getPolicyRow, policyOut, usageOf, usageSql, type PolicySummary, type Usage } from "./policy-model";
import { policyVersionsHandlers } from "./policy-versions";
import { policyTagsHandlers, putPolicyTags } from "./policy-tags";
import { policyEntitiesHandlers } from "./policy-entities";

type ListPoliciesInput = {
  Scope?: "All" | "AWS" | "Local";
  OnlyAttached?: boolean;
  PathPrefix?: string;
  PolicyUsageFilter?: "PermissionsPolicy" | "PermissionsBoundary";
  Marker?: string;
  MaxItems?: number;
};

type ListedRow = PolicySummary & Usage;

const LISTED = "p.policy_id, p.name, p.path, p.arn, p.default_version_id, p.create_date, p.update_date";

/** One index range per account, merged in creation order; usage is counted for the page's rows only. */
function listSql(branches: number, filter: string): string {
  const branch = (i: number) => `SELECT ${LISTED} FROM policies p
    WHERE p.account_id = $owner${i} AND (p.create_date, p.arn) > ($afterDate, $afterArn)
      AND substr(p.path, 1, length($prefix)) = $prefix ${filter}`;
  const merged = Array.from({ length: branches }, (_, i) => branch(i)).join(" UNION ALL ");
  return `SELECT ${LISTED}, ${usageSql("p.arn", "$account")}
    FROM (${merged} ORDER BY create_date, arn LIMIT $limit) p ORDER BY p.create_date, p.arn`;
}

const attachedFilter = "AND p.arn IN (SELECT a.policy_arn FROM attachments a WHERE a.account_id = $account)";
const boundaryFilter = `AND p.arn IN (
  SELECT u.permissions_boundary FROM users u WHERE u.account_id = $account AND u.permissions_boundary IS NOT NULL
  UNION SELECT r.permissions_boundary FROM roles r WHERE r.account_id = $account AND r.permissions_boundary IS NOT NULL)`;

function usageFilter(input: ListPoliciesInput): string {
  if (input.PolicyUsageFilter === "PermissionsBoundary") return boundaryFilter;
  return input.PolicyUsageFilter === "PermissionsPolicy" || input.OnlyAttached ? attachedFilter : "";
}

function decodeKey(after: string): [string, string] {
  if (after === "") return ["", ""];
  try {
    const key = JSON.parse(after) as unknown;
    if (Array.isArray(key) && typeof key[0] === "string" && typeof key[1] === "string") return [key[0], key[1]];
  } catch {
    /* a marker from another list */
  }
  throw validationError("Invalid Marker.");
}

function listPolicies(input: ListPoliciesInput, ctx: Ctx) {
  const scope = input.Scope ?? "All";
  const owners = scope === "AWS" ? ["aws"] : scope === "Local" ? [ctx.accountId] : ["aws", ctx.accountId];
  const page = keysetPage(
    input,
    (after, limit) => {
      const [afterDate, afterArn] = decodeKey(after);
      const params: Record<string, unknown> = { account: ctx.accountId, afterDate, afterArn, prefix: pathPrefix(input), limit };
      owners.forEach((o, i) => (params[`owner${i}`] = o));
      return sql(ctx.db, listSql(owners.length, usageFilter(input))).all(params) as ListedRow[];
    },
    (r) => JSON.stringify([r.create_date, r.arn]),
  );
  return pageOut(page, "Policies", (r) => policyOut(ctx, r, r, "list"));
}

export const policiesHandlers: Handlers = {
  CreatePolicy(input: { PolicyName: string; Path?: string; PolicyDocument: string; Description?: string; Tags?: Tag[] }, ctx) {
    checkDocument(input.PolicyDocument);
    const nameLc = input.PolicyName.toLowerCase();
    if (sql(ctx.db, "SELECT 1 FROM policies WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, nameLc)) {
      throw entityAlreadyExists(`A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
    }
    if (reachesQuota(ctx, "policies", ctx.quotas.policiesPerAccount))
      throw limitExceeded(`Cannot exceed quota for PoliciesPerAccount: ${ctx.quotas.policiesPerAccount}`);
    const path = input.Path ?? "/";
    const id = uniqueId("ANPA");
    const now = iso(ctx.now);
    const policyArn = arn(ctx, "policy", path, input.PolicyName);
    sql(
      ctx.db,
      `INSERT INTO policies (policy_id, account_id, name, name_lc, path, arn, description, default_version_id, next_version, create_date, update_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'v1', 2, ?, ?)`,
    ).run(id, ctx.accountId, input.PolicyName, nameLc, path, policyArn, input.Description ?? null, now, now);
    sql(ctx.db, "INSERT INTO policy_versions (policy_id, version_id, document, create_date) VALUES (?, 'v1', ?, ?)").run(
      id,
      input.PolicyDocument,
      now,
    );
    putPolicyTags(ctx, id, input.Tags);
    return { Policy: policyOut(ctx, getPolicyRow(ctx, policyArn), { attachments: 0, boundaries: 0 }, "create") };
  },

  GetPolicy(input: { PolicyArn: string }, ctx) {
    const p = getPolicyRow(ctx, input.PolicyArn);
    return { Policy: policyOut(ctx, p, usageOf(ctx, p.arn), "get") };
  },

  ListPolicies: listPolicies,

  DeletePolicy(input: { PolicyArn: string }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot delete policies outside your own account.");
    const p = getPolicyRow(ctx, input.PolicyArn);
    const usage = usageOf(ctx, p.arn);
    if (usage.attachments + usage.boundaries > 0) throw deleteConflict("Cannot delete a policy attached to entities.");
    const { n } = sql(ctx.db, "SELECT COUNT(*) AS n FROM policy_versions WHERE policy_id = ?").get(p.policy_id) as { n: number };
    if (n > 1) {
      throw deleteConflict(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    sql(ctx.db, "DELETE FROM policy_versions WHERE policy_id = ?").run(p.policy_id);
    sql(ctx.db, "DELETE FROM policies WHERE policy_id = ?").run(p.policy_id);
    deleteAllTags(ctx, "policy", p.policy_id);
  },

  ...policyVersionsHandlers,
  ...policyTagsHandlers,
  ...policyEntitiesHandlers,
};
