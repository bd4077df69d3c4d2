import { RoleDetail } from "@/components/roles/role-detail";

export default async function RolePage({ params }: { params: Promise<{ roleName: string }> }) {
  const { roleName } = await params;
  return <RoleDetail roleName={decodeURIComponent(roleName)} />;
}
