import type { Ctx, Handlers } from "../context";
import { invalidInputReason, orgError, paged, type Org, type PageInput } from "./shared";
import { inOrganization, managementOrDelegated } from "./access";
import { member } from "./accounts";
import { attachedPolicies } from "./attachments";
import { ancestors, pathOf, typeEnabled } from "./tree";

/**
 * Effective management policies (tag, backup, AI opt-out, declarative...): the policies attached from the root down
 * to the account, merged with their inheritance operators (@@assign, @@append, @@remove), operators removed. SCPs and
 * RCPs have no effective policy here (the model's EffectivePolicyType has no such values). Which operators a child
 * may use (@@operators_allowed_for_child_policies) is not enforced.
 */

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

function merge(current: Json, child: Json): Json {
  if (!isObject(child)) return child;
  let result = current;
  if ("@@assign" in child) result = child["@@assign"];
  if ("@@append" in child)
    result = [...asList(result), ...asList(child["@@append"]).filter((v) => !asList(result).some((r) => same(r, v)))];
  if ("@@remove" in child) result = asList(result).filter((v) => !asList(child["@@remove"]).some((r) => same(r, v)));
  const nested = Object.keys(child).filter((k) => !k.startsWith("@@"));
  if (nested.length) {
    const out: Record<string, Json> = isObject(result) ? { ...result } : {};
    for (const k of nested) out[k] = merge(out[k], child[k]);
    result = out;
  }
  return result;
}

/** The merged policy for an account, or undefined when the type is disabled or nothing of it applies. */
export function effectivePolicy(ctx: Ctx, org: Org, accountId: string, type: string): string | undefined {
  if (!typeEnabled(ctx.db, org, type)) return undefined;
  const levels = [...ancestors(ctx.db, org, accountId).reverse(), accountId];
  const policies = levels.flatMap((id) => attachedPolicies(ctx.db, id, type));
  if (!policies.length) return undefined;
  return JSON.stringify(policies.reduce<Json>((acc, p) => merge(acc, JSON.parse(p.content)), {}));
}

const notFound = () =>
  orgError(
    "EffectivePolicyNotFoundException",
    "If you ran this action on the management account, this policy type is not enabled. If you ran the action on a member account, the account doesn't have an effective policy of this type. Contact the administrator of your organization about attaching a policy of this type to the account.",
  );

export const effectiveHandlers: Handlers = {
  /** Any account may ask for its own; the management account (or a delegated administrator) for any account. */
  DescribeEffectivePolicy(input: { PolicyType: string; TargetId?: string }, ctx: Ctx) {
    const { org, management } = inOrganization(ctx);
    const targetId = input.TargetId ?? ctx.accountId;
    if (!/^\d{12}$/.test(targetId)) throw invalidInputReason("TARGET_NOT_SUPPORTED");
    if (targetId !== ctx.accountId && !management) managementOrDelegated(ctx);
    const content = effectivePolicy(ctx, org, member(ctx, org, targetId).account_id, input.PolicyType);
    if (content === undefined) throw notFound();
    return { EffectivePolicy: { PolicyContent: content, LastUpdatedTimestamp: ctx.now, TargetId: targetId, PolicyType: input.PolicyType } };
  },

  /** Merged policies are never invalid here: nothing checks them against the services that would apply them. */
  ListAccountsWithInvalidEffectivePolicy(input: { PolicyType: string } & PageInput, ctx: Ctx) {
    managementOrDelegated(ctx);
    return { ...paged(input, [], "Accounts", (a) => a), PolicyType: input.PolicyType };
  },

  ListEffectivePolicyValidationErrors(input: { AccountId: string; PolicyType: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const m = member(ctx, org, input.AccountId);
    if (effectivePolicy(ctx, org, m.account_id, input.PolicyType) === undefined) throw notFound();
    return {
      AccountId: m.account_id,
      PolicyType: input.PolicyType,
      Path: pathOf(ctx.db, org, m.account_id),
      EvaluationTimestamp: ctx.now,
      ...paged(input, [], "EffectivePolicyValidationErrors", (e) => e),
    };
  },
};
