import { AttachRolePolicies } from "@/components/roles/attach-role-policies";

export default async function AttachRolePoliciesPage({ params }: { params: Promise<{ roleName: string }> }) {
  const { roleName } = await params;
  return <AttachRolePolicies roleName={decodeURIComponent(roleName)} />;
}
