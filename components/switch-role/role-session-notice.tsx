"use client";

import { useEffect } from "react";
import { formatAccountId } from "@/components/dashboard/sign-in-url";
import { useNotify } from "@/components/shell/shell-context";
import { useIdentityChangeReload } from "./use-identity-change-reload";
import { useSwitchRoleState } from "./switch-role-context";

/**
 * Says that a role session ended and the console is back as the signed-in identity; reloads the page when the active
 * role session expires, and when another tab changed who the console acts as.
 */
export function RoleSessionNotice() {
  const { active, ended, signedIn } = useSwitchRoleState();
  const notify = useNotify();
  useIdentityChangeReload(active?.arn ?? signedIn.arn);

  useEffect(() => {
    if (!ended) return;
    const who = signedIn.type === "root" ? "root" : (signedIn.userName ?? signedIn.arn.split("/").pop());
    notify({
      type: "info",
      id: "role-session-ended",
      header: `The role session of ${ended.displayName} has ended.`,
      content: `You're back as ${who} @ ${signedIn.accountAlias ?? formatAccountId(signedIn.accountId)}.`,
    });
  }, [ended, signedIn, notify]);

  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => window.location.reload(), Math.max(0, active.expiration - Date.now()) + 1000);
    return () => clearTimeout(t);
  }, [active]);

  return null;
}
