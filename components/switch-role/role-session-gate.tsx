"use client";

import Box from "@cloudscape-design/components/box";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useSession } from "@/components/auth/session";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useSwitchRoleState } from "./switch-role-context";

/**
 * When the role session has ended (it expired, or AWS stopped accepting it), the console switches back to the
 * signed-in identity before anything of it runs, so no call is made with the ended session (RoleSessionNotice then
 * says so).
 */
export function RoleSessionGate({ children }: { children: ReactNode }) {
  const { ended } = useSwitchRoleState();
  const session = useSession();
  const [cleared, setCleared] = useState(!ended);
  const started = useRef(false);

  useEffect(() => {
    if (!ended || started.current || session.status !== "authenticated") return;
    started.current = true;
    void session
      .update({ action: "switch-back" })
      .catch(() => undefined)
      .then(() => setCleared(true));
  }, [ended, session]);

  if (cleared) return children;
  return (
    <Box padding="xxl" textAlign="center">
      <StatusIndicator type="loading">Switching back</StatusIndicator>
    </Box>
  );
}
