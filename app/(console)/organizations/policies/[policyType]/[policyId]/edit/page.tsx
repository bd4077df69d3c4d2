import { notFound } from "next/navigation";
import { EditOrgPolicy } from "@/components/organizations/edit-org-policy";
import { typeBySlug } from "@/components/organizations/org-labels";

export default async function EditOrgPolicyPage({ params }: { params: Promise<{ policyType: string; policyId: string }> }) {
  const { policyType, policyId } = await params;
  const info = typeBySlug(policyType);
  if (!info) notFound();
  return <EditOrgPolicy info={info} policyId={policyId} />;
}
