"use client";

import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useSession } from "next-auth/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useNotify } from "@/components/shell/shell-context";
import { useSwitchRoleState } from "./switch-role-context";

/**
 * When the role session ends (it expires, or AWS stops accepting it), the console switches back to the signed-in
 * identity and says so. The page waits for the switch back, so none of its calls is made with the ended session;
 * an active role session reloads the page when it expires.
 */
export function RoleSessionGate({ children }: { children: ReactNode }) {
  const { active, ended, signedIn } = useSwitchRoleState();
  const session = useSession();
  const notify = useNotify();
  const [cleared, setCleared] = useState(!ended);
  const started = useRef(false);

  useEffect(() => {
    if (!ended || started.current || session.status !== "authenticated") return;
    started.current = true;
    const who = signedIn.type === "root" ? "root" : (signedIn.userName ?? signedIn.arn.split("/").pop());
    void session
      .update({ action: "switch-back" })
      .catch(() => undefined)
      .then(() => {
        notify({
          type: "info",
          id: "role-session-ended",
          header: `The role session of ${ended.displayName} has ended.`,
          content: `You're back as ${who} @ ${signedIn.accountAlias ?? signedIn.accountId}.`,
        });
        setCleared(true);
      });
  }, [ended, session, signedIn, notify]);

  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => window.location.reload(), Math.max(0, active.expiration - Date.now()) + 1000);
    return () => clearTimeout(t);
  }, [active]);

  return cleared ? children : <StatusIndicator type="loading">Switching back</StatusIndicator>;
}
