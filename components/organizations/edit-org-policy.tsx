"use client";

import Alert from "@cloudscape-design/components/alert";
import Spinner from "@cloudscape-design/components/spinner";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useOrgPolicy } from "@/lib/queries/organizations-policies";
import type { PolicyTypeInfo } from "./org-labels";
import { OrgPolicyForm } from "./org-policy-form";

/** The edit page: the form starts from the policy as loaded; AWS managed policies can't be modified. */
export function EditOrgPolicy({ info, policyId }: { info: PolicyTypeInfo; policyId: string }) {
  const policy = useOrgPolicy(policyId);
  if (policy.isLoading) return <Spinner size="large" />;
  if (!policy.data) return <ApiErrorAlert error={policy.error ?? new Error("The policy could not be loaded.")} />;
  if (policy.data.awsManaged)
    return <Alert type="info">{policy.data.name} is an AWS managed policy. AWS maintains it, so it can&apos;t be edited.</Alert>;
  return <OrgPolicyForm info={info} policy={policy.data} />;
}
