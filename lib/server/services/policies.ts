import "server-only";
import { ListPoliciesCommand, type Policy } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { policyListQuerySchema } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { markerPage, type Page } from "./paging";

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

export const toPolicySummary = (p: Policy): PolicySummary => ({
  policyName: p.PolicyName!,
  policyId: p.PolicyId!,
  arn: p.Arn!,
  path: p.Path!,
  type: p.Arn!.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed",
  defaultVersionId: p.DefaultVersionId!,
  attachmentCount: p.AttachmentCount ?? 0,
  permissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount ?? 0,
  description: p.Description,
  createDate: p.CreateDate!.toISOString(),
  updateDate: (p.UpdateDate ?? p.CreateDate)!.toISOString(),
});

export async function listPolicies({ principal, input }: { principal: Principal; input: z.infer<typeof policyListQuerySchema> }): Promise<Page<PolicySummary>> {
  const iam = iamClient(principal);
  try {
    return await markerPage({
      ...input,
      fetch: async (Marker, MaxItems) => {
        const r = await iam.send(
          new ListPoliciesCommand({ Scope: input.scope, OnlyAttached: input.onlyAttached, PolicyUsageFilter: input.usage, Marker, MaxItems }),
        );
        return { items: r.Policies ?? [], marker: r.IsTruncated ? r.Marker : undefined };
      },
      map: toPolicySummary,
      matches: (p, needle) => p.PolicyName!.toLowerCase().includes(needle),
    });
  } catch (err) {
    throw fromSdkError(err);
  }
}
