import "server-only";
import { GetPolicyCommand, ListPoliciesCommand, type Policy } from "@aws-sdk/client-iam";
import type { z } from "zod";
import { policyArnSchema, type policyDescriptionsQuerySchema } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";
import { listSnapshot } from "./list-snapshot";
import { pageOf, type ListPage } from "@/lib/lists/page";
import { matchesType, matchesUsage, policyTypeLabel, usedAsLabel } from "@/lib/lists/policy-filters";
import type { PoliciesPageInput } from "@/lib/schemas/list-page";

export type PolicySummary = {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  type: "AWS managed" | "Customer managed";
  defaultVersionId: string;
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
  description?: string;
  createDate: string;
  updateDate: string;
};

export type PolicyTag = { Key: string; Value: string };
export type PolicyDetail = PolicySummary & { tags: PolicyTag[] };

export const isAwsManaged = (arn: string) => /^arn:aws[\w-]*:iam::aws:/.test(arn);

export const toPolicySummary = (p: Policy): PolicySummary => ({
  policyName: p.PolicyName!,
  policyId: p.PolicyId!,
  arn: p.Arn!,
  path: p.Path!,
  type: isAwsManaged(p.Arn!) ? "AWS managed" : "Customer managed",
  defaultVersionId: p.DefaultVersionId!,
  attachmentCount: p.AttachmentCount ?? 0,
  permissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount ?? 0,
  description: p.Description,
  createDate: p.CreateDate!.toISOString(),
  updateDate: (p.UpdateDate ?? p.CreateDate)!.toISOString(),
});

/** The policy ARN from a URL segment or body, checked before it reaches IAM. */
export function checkPolicyArn(policyArn: string | undefined): string {
  const r = policyArnSchema.safeParse(policyArn ?? "");
  if (!r.success) throw new ServiceError("ValidationError", r.error.issues[0].message, 422, { policyArn: r.error.issues[0].message });
  return r.data;
}

/**
 * Every managed policy the account can use, AWS managed and its own, read through ListPolicies to the last page. The
 * console filters them by type, use and name itself, as AWS's does.
 */
export async function listPolicies({ principal }: { principal: Principal }): Promise<PolicySummary[]> {
  const iam = iamClient(principal);
  try {
    const policies = await allPages(async (Marker) => {
      const r = await iam.send(new ListPoliciesCommand({ Marker, MaxItems: MAX_ITEMS }));
      return { items: r.Policies, marker: nextMarker(r) };
    });
    return policies.map(toPolicySummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/**
 * One page of the Policies table: narrowed by type and use, searched by name, sorted and paged on the server over the
 * account's snapshot of ListPolicies.
 */
export async function listPoliciesPage({
  principal,
  input,
}: {
  principal: Principal;
  input: PoliciesPageInput;
}): Promise<ListPage<PolicySummary>> {
  const { items: policies, ageMs } = await listSnapshot(principal, "policies", () => listPolicies({ principal }), input.fresh);
  return {
    ...pageOf(policies, input, {
      where: (p) => matchesType(p, input.type) && matchesUsage(p, input.usage),
      searchText: (p) => [p.policyName],
      sortBy: {
        policyName: (p) => p.policyName,
        typeLabel: policyTypeLabel,
        usedAs: usedAsLabel,
        attachmentCount: (p) => p.attachmentCount,
      },
    }),
    ageMs,
  };
}

export async function getPolicy({ principal, policyArn }: { principal: Principal; policyArn: string }): Promise<PolicyDetail> {
  const arn = checkPolicyArn(policyArn);
  try {
    const r = await iamClient(principal).send(new GetPolicyCommand({ PolicyArn: arn }));
    return { ...toPolicySummary(r.Policy!), tags: (r.Policy!.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? "" })) };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** ListPolicies leaves out descriptions (as AWS does); the table reads them for its visible page only. */
export async function listPolicyDescriptions({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof policyDescriptionsQuerySchema>;
}): Promise<Record<string, string>> {
  const iam = iamClient(principal);
  try {
    const found = await Promise.all(
      input.arns.map((arn) =>
        iam.send(new GetPolicyCommand({ PolicyArn: arn })).then(
          (r) => [arn, r.Policy?.Description ?? ""] as const,
          (e) => (e?.name === "NoSuchEntityException" ? ([arn, ""] as const) : Promise.reject(e)),
        ),
      ),
    );
    return Object.fromEntries(found);
  } catch (err) {
    throw fromSdkError(err);
  }
}
