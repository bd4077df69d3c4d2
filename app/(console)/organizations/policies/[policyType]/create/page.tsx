import { notFound } from "next/navigation";
import { OrgPolicyForm } from "@/components/organizations/org-policy-form";
import { typeBySlug } from "@/components/organizations/org-labels";

export default async function CreateOrgPolicyPage({ params }: { params: Promise<{ policyType: string }> }) {
  const info = typeBySlug((await params).policyType);
  if (!info) notFound();
  return <OrgPolicyForm info={info} />;
}
