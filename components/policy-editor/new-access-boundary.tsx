"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchPolicy, policyKeys, usePolicyVersion } from "@/lib/queries/policies";
import { useNewAccessGate } from "./new-access-gate";

const policyName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

/** A managed policy's default version document; undefined while loading or without an ARN. */
function useDefaultDocument(arn: string | undefined): string | undefined {
  const policy = useQuery({ queryKey: policyKeys.detail(arn ?? ""), queryFn: () => fetchPolicy(arn!), enabled: !!arn, retry: false });
  return usePolicyVersion(arn ?? "", policy.data?.defaultVersionId).data?.document;
}

/**
 * Changing a permissions boundary from one managed policy to another: what the new boundary lets through that the old
 * one did not, from the two policies' default versions, with the confirmation `useNewAccessGate` asks for.
 */
export function useBoundaryNewAccess(fromArn: string | undefined, toArn: string | undefined, account: string) {
  const changed = !!fromArn && !!toArn && fromArn !== toArn;
  const existing = useDefaultDocument(changed ? fromArn : undefined);
  const document = useDefaultDocument(changed ? toArn : undefined);
  return useNewAccessGate({
    existing: changed ? existing : undefined,
    document: changed ? document : undefined,
    kind: "identity",
    existingLabel: `the current boundary (${fromArn ? policyName(fromArn) : ""})`,
    account,
  });
}
