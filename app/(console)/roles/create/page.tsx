import { redirect } from "next/navigation";
import { CreateRoleWizard } from "@/components/roles/create-role-wizard";
import { currentPrincipal } from "@/lib/server/session";

export default async function CreateRolePage({ searchParams }: { searchParams: Promise<{ provider?: string }> }) {
  const principal = await currentPrincipal();
  if (!principal) redirect("/signin");
  const { provider } = await searchParams;
  return <CreateRoleWizard thisAccountId={principal.accountId} providerArn={provider} />;
}
