import { RootDetail } from "@/components/organizations/root-detail";

export default async function OrganizationRootPage({ params }: { params: Promise<{ rootId: string }> }) {
  const { rootId } = await params;
  return <RootDetail rootId={rootId} />;
}
