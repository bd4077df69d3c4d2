import { AttachGroupPolicies } from "@/components/groups/attach-group-policies";
import { routeName } from "@/components/groups/group-href";

export default async function AttachGroupPoliciesPage({ params }: { params: Promise<{ groupName: string }> }) {
  const { groupName } = await params;
  return <AttachGroupPolicies groupName={routeName(groupName)} />;
}
