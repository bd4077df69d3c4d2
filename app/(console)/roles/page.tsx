import { RolesTable } from "@/components/roles/roles-table";

export default function RolesPage() {
  return <RolesTable />;
}
