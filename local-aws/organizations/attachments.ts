import type { Ctx, Handlers } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { managementOnly, managementOrDelegated } from "./access";
import { RCP_FULL_AWS_ACCESS } from "./managed";
import { limitsOf } from "./policy-content";
import { policy } from "./policies";
import { constraint, invalidInputReason, orgError, paged, targetArn, type Org, type PageInput } from "./shared";
import { attachPolicy, getOu, targetExists, typeEnabled } from "./tree";
import { policySummaryOut, type PolicyRow } from "./views";

type AttachInput = { PolicyId: string; TargetId: string };

const targetNotFound = () =>
  orgError("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");

function target(ctx: Ctx, org: Org, targetId: string): string {
  if (!targetExists(ctx.db, org, targetId)) throw targetNotFound();
  return targetId;
}

/** The policies of one type attached directly to a root, OU or account, in attachment order. */
export const attachedPolicies = (db: Db, targetId: string, type: string) =>
  sql(
    db,
    `SELECT p.* FROM org_attachments a JOIN org_policies p ON p.policy_id = a.policy_id
     WHERE a.target_id = ? AND p.policy_type = ? ORDER BY a.seq`,
  ).all(targetId, type) as PolicyRow[];

const isAttached = (db: Db, policyId: string, targetId: string) =>
  sql(db, "SELECT 1 FROM org_attachments WHERE policy_id = ? AND target_id = ?").get(policyId, targetId) !== undefined;

function targetSummary(db: Db, org: Org, id: string) {
  const type = id.startsWith("r-") ? "ROOT" : id.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT";
  const name = type === "ROOT" ? "Root" : type === "ORGANIZATIONAL_UNIT" ? getOu(db, org, id)?.name : getAccount(db, id)?.name;
  return { TargetId: id, Arn: targetArn(org, id), ...(name ? { Name: name } : {}), Type: type };
}

export const attachmentsHandlers: Handlers = {
  AttachPolicy(input: AttachInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const p = policy(ctx, org, input.PolicyId);
    const targetId = target(ctx, org, input.TargetId);
    if (!typeEnabled(ctx.db, org, p.policy_type)) {
      throw orgError("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.");
    }
    // AWS answers a repeated attachment with its CreatePolicy duplicate wording.
    if (isAttached(ctx.db, p.policy_id, targetId)) {
      throw orgError("DuplicatePolicyAttachmentException", "A policy with the specified name and type already exists.");
    }
    if (attachedPolicies(ctx.db, targetId, p.policy_type).length >= limitsOf(p.policy_type).perTarget) {
      throw constraint("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }
    attachPolicy(ctx.db, org, p.policy_id, targetId);
  },

  /** Every root, OU and account keeps at least one SCP; RCPFullAWSAccess can never be detached. */
  DetachPolicy(input: AttachInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const p = policy(ctx, org, input.PolicyId);
    const targetId = target(ctx, org, input.TargetId);
    if (p.policy_id === RCP_FULL_AWS_ACCESS.id) throw invalidInputReason("NON_DETACHABLE_POLICY");
    if (!isAttached(ctx.db, p.policy_id, targetId)) {
      throw orgError("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.");
    }
    if (p.policy_type === "SERVICE_CONTROL_POLICY" && attachedPolicies(ctx.db, targetId, p.policy_type).length <= 1) {
      throw constraint("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }
    sql(ctx.db, "DELETE FROM org_attachments WHERE policy_id = ? AND target_id = ?").run(p.policy_id, targetId);
  },

  ListPoliciesForTarget(input: { TargetId: string; Filter: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = attachedPolicies(ctx.db, target(ctx, org, input.TargetId), input.Filter);
    return paged(input, rows, "Policies", (p) => policySummaryOut(org, p));
  },

  ListTargetsForPolicy(input: { PolicyId: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const p = policy(ctx, org, input.PolicyId);
    const ids = sql(ctx.db, "SELECT target_id FROM org_attachments WHERE policy_id = ? AND org_id = ? ORDER BY seq").all(
      p.policy_id,
      org.org_id,
    ) as { target_id: string }[];
    return paged(input, ids, "Targets", (r) => targetSummary(ctx.db, org, r.target_id));
  },
};
