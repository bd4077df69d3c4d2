import { notFound } from "next/navigation";
import { OrgPolicyDetail } from "@/components/organizations/org-policy-detail";
import { typeBySlug } from "@/components/organizations/org-labels";

export default async function OrgPolicyPage({ params }: { params: Promise<{ policyType: string; policyId: string }> }) {
  const { policyType, policyId } = await params;
  const info = typeBySlug(policyType);
  if (!info) notFound();
  return <OrgPolicyDetail info={info} policyId={policyId} />;
}
