import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { credentialsStillValid, currentPrincipal } from "@/lib/server/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  if (!principal || !(await credentialsStillValid(principal))) redirect("/signin");
  if (principal.passwordResetRequired) redirect("/change-password");
  const { credentials: _omit, ...identity } = principal;
  return <ConsoleShell identity={identity}>{children}</ConsoleShell>;
}
