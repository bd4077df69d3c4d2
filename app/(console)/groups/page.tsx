import { GroupsTable } from "@/components/groups/groups-table";

export default function GroupsPage() {
  return <GroupsTable />;
}
