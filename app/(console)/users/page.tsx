import { UsersTable } from "@/components/users/users-table";

export default function UsersPage() {
  return <UsersTable />;
}
