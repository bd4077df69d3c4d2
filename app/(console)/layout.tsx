import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { RoleColorFrame } from "@/components/switch-role/role-color-frame";
import { RoleSessionGate } from "@/components/switch-role/role-session-gate";
import { RoleSessionNotice } from "@/components/switch-role/role-session-notice";
import { SwitchRoleProvider } from "@/components/switch-role/switch-role-context";
import { currentConsoleSession } from "@/lib/server/session";
import { switchRoleState } from "@/lib/server/switch-role";

/** The console acts as the principal of the session: the role session while switched (lib/server/switch-role.ts). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await currentConsoleSession();
  if (!session) redirect("/signin");
  const principal = session.principal;
  if (principal.passwordResetRequired) redirect("/change-password");
  const { credentials: _omit, ...identity } = principal;
  return (
    <SwitchRoleProvider state={switchRoleState(session)}>
      <RoleSessionGate>
        <RoleColorFrame>
          <ConsoleShell identity={identity}>
            <RoleSessionNotice />
            {children}
          </ConsoleShell>
        </RoleColorFrame>
      </RoleSessionGate>
    </SwitchRoleProvider>
  );
}
