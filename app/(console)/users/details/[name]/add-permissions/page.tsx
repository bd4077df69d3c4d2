import { AddPermissions } from "@/components/users/detail/add-permissions";

export default async function AddPermissionsPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <AddPermissions userName={decodeURIComponent(name)} />;
}
