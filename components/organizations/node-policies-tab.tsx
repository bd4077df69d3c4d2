"use client";

import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useRoot } from "@/lib/queries/organizations";
import { EDITABLE_TYPES } from "./org-labels";
import { TargetPolicyTypeSection } from "./target-policy-type-section";

/** A root's, OU's or account's Policies tab: each policy type this console manages, enabled on the root or not. */
export function NodePoliciesTab({ target, rootId }: { target: { id: string; name: string }; rootId: string }) {
  const root = useRoot(rootId);
  if (root.isLoading) return <Spinner />;
  if (root.error) return <ApiErrorAlert error={root.error} />;
  const enabled = new Set(root.data?.policyTypes.filter((t) => t.status === "ENABLED").map((t) => t.type));
  return (
    <SpaceBetween size="xl">
      {EDITABLE_TYPES.map((info) => (
        <TargetPolicyTypeSection key={info.type} target={target} info={info} enabled={enabled.has(info.type)} />
      ))}
    </SpaceBetween>
  );
}
