"use client";

import { useSession } from "@/components/auth/session";
import { useEffect } from "react";

let switchingHere = false;

/** Marks this tab's own switch while it runs (on success it opens the console afresh by itself). */
export const markSwitching = (on: boolean) => {
  switchingHere = on;
};

/**
 * Another tab switched role, switched back or signed in as someone else: this page was made for another principal, and
 * its next call would act as the new one (maybe in another account). next-auth tells every tab when the session
 * changes; the page then reloads as the principal the console now acts as.
 */
export function useIdentityChangeReload(pageArn: string) {
  const session = useSession();
  const current = session.status === "authenticated" ? session.data.identity?.arn : undefined;
  useEffect(() => {
    if (current && current !== pageArn && !switchingHere) window.location.reload();
  }, [current, pageArn]);
}
