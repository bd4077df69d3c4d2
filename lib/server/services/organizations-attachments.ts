import "server-only";
import {
  AttachPolicyCommand,
  DetachPolicyCommand,
  ListPoliciesForTargetCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { allPages, toPolicySummary, withOrganizations, type Ctx, type OrgPolicySummary, type ParentRef } from "./organizations-shared";
import { ancestorsOf } from "./organizations-tree";

export type PolicyTargetDto = { targetId: string; arn: string; name: string; type: string };
/** A node's policies of one type: attached directly, and inherited from each root and OU above it (root first). */
export type TargetPolicies = { attached: OrgPolicySummary[]; inherited: { from: ParentRef; policies: OrgPolicySummary[] }[] };

type AttachInput = { targetId: string; policyId: string };

const policiesFor = (org: OrganizationsClient, TargetId: string, type: string) =>
  allPages(async (NextToken) => {
    const r = await org.send(new ListPoliciesForTargetCommand({ TargetId, Filter: type as PolicyType, NextToken }));
    return { items: r.Policies, next: r.NextToken };
  }).then((items) => items.map(toPolicySummary));

export async function listTargetPolicies({ principal, input }: Ctx<{ targetId: string; type: string }>): Promise<TargetPolicies> {
  return withOrganizations(principal, async (org) => {
    const ancestors = input.targetId.startsWith("r-") ? [] : await ancestorsOf(org, input.targetId);
    const [attached, ...above] = await Promise.all(
      [input.targetId, ...ancestors.map((a) => a.id)].map((id) => policiesFor(org, id, input.type)),
    );
    return { attached, inherited: ancestors.map((from, i) => ({ from, policies: above[i] })) };
  });
}

export async function listPolicyTargets({ principal, input }: Ctx<{ policyId: string }>): Promise<PolicyTargetDto[]> {
  return withOrganizations(principal, async (org) => {
    const all = await allPages(async (NextToken) => {
      const r = await org.send(new ListTargetsForPolicyCommand({ PolicyId: input.policyId, NextToken }));
      return { items: r.Targets, next: r.NextToken };
    });
    return all.map((t) => ({ targetId: t.TargetId!, arn: t.Arn!, name: t.Name ?? t.TargetId!, type: t.Type! }));
  });
}

export async function attachPolicy({ principal, input }: Ctx<AttachInput>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new AttachPolicyCommand({ PolicyId: input.policyId, TargetId: input.targetId }));
    return { ok: true as const };
  });
}

export async function detachPolicy({ principal, input }: Ctx<AttachInput>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new DetachPolicyCommand({ PolicyId: input.policyId, TargetId: input.targetId }));
    return { ok: true as const };
  });
}
