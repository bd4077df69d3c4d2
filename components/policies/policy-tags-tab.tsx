"use client";

import { ResourceTags } from "@/components/common/resource-tags";
import type { PolicyDetail } from "@/lib/queries/policies";
import { useUpdatePolicyTags } from "@/lib/queries/policy-mutations";

/** The policy's tags; customer managed policies can be re-tagged ("Manage tags"), AWS managed ones are read-only. */
export function PolicyTagsTab({ policy }: { policy: PolicyDetail }) {
  const update = useUpdatePolicyTags(policy.arn);
  return (
    <ResourceTags
      tags={policy.tags}
      update={update}
      savedText={`Tags of ${policy.policyName} saved.`}
      readOnly={policy.type !== "Customer managed"}
    />
  );
}
