import { notFound } from "next/navigation";
import { OrgPoliciesTable } from "@/components/organizations/org-policies-table";
import { typeBySlug } from "@/components/organizations/org-labels";

export default async function PolicyTypePage({ params }: { params: Promise<{ policyType: string }> }) {
  const info = typeBySlug((await params).policyType);
  if (!info) notFound();
  return <OrgPoliciesTable info={info} />;
}
