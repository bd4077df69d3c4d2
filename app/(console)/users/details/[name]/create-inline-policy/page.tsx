import { CreateInlinePolicy } from "@/components/users/detail/create-inline-policy";

export default async function CreateInlinePolicyPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ policyName?: string }>;
}) {
  const [{ name }, { policyName }] = await Promise.all([params, searchParams]);
  return <CreateInlinePolicy userName={decodeURIComponent(name)} policyName={typeof policyName === "string" ? policyName : undefined} />;
}
