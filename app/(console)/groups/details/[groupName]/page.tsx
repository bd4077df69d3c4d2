import { GroupDetail } from "@/components/groups/group-detail";
import { routeName } from "@/components/groups/group-href";

export default async function GroupPage({ params }: { params: Promise<{ groupName: string }> }) {
  const { groupName } = await params;
  return <GroupDetail groupName={routeName(groupName)} />;
}
