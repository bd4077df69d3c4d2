import { InlinePolicyForm } from "@/components/groups/inline-policy-form";
import { routeName } from "@/components/groups/group-href";

export default async function CreateGroupInlinePolicyPage({ params }: { params: Promise<{ groupName: string }> }) {
  const { groupName } = await params;
  return <InlinePolicyForm groupName={routeName(groupName)} />;
}
