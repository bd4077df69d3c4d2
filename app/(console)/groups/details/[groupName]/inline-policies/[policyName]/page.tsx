import { InlinePolicyForm } from "@/components/groups/inline-policy-form";
import { routeName } from "@/components/groups/group-href";

export default async function EditGroupInlinePolicyPage({ params }: { params: Promise<{ groupName: string; policyName: string }> }) {
  const { groupName, policyName } = await params;
  return <InlinePolicyForm groupName={routeName(groupName)} policyName={routeName(policyName)} />;
}
