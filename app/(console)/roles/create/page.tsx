import { redirect } from "next/navigation";
import { CreateRoleWizard } from "@/components/roles/create-role-wizard";
import { currentPrincipal } from "@/lib/server/session";

export default async function CreateRolePage() {
  const principal = await currentPrincipal();
  if (!principal) redirect("/signin");
  return <CreateRoleWizard thisAccountId={principal.accountId} />;
}
