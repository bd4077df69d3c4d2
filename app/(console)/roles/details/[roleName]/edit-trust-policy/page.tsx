import { EditTrustPolicy } from "@/components/roles/edit-trust-policy";

export default async function EditTrustPolicyPage({ params }: { params: Promise<{ roleName: string }> }) {
  const { roleName } = await params;
  return <EditTrustPolicy roleName={decodeURIComponent(roleName)} />;
}
