import { notFound } from "next/navigation";
import { ProviderDetailView } from "@/components/identity-providers/provider-detail";

export default async function ProviderDetailPage({ searchParams }: { searchParams: Promise<{ arn?: string }> }) {
  const { arn } = await searchParams;
  if (!arn) notFound();
  return <ProviderDetailView arn={arn} />;
}
