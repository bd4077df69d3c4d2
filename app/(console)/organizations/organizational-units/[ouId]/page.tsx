import { OuDetail } from "@/components/organizations/ou-detail";

export default async function OrganizationalUnitPage({ params }: { params: Promise<{ ouId: string }> }) {
  const { ouId } = await params;
  return <OuDetail ouId={ouId} />;
}
