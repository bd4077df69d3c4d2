"use client";

import { useSession } from "@/components/auth/session";
import { useState } from "react";
import type { SessionUpdate, SwitchRoleInput } from "@/lib/schemas/switch-role";
import type { SwitchOutcome } from "@/lib/switch-role";
import { markSwitching } from "./use-identity-change-reload";

const FAILED: SwitchOutcome = { ok: false, code: "Error", message: "The switch didn't happen. Try again." };

/**
 * Switch role and switch back through next-auth's session update: the server assumes the role with the signed-in
 * credentials and keeps the role session in the encrypted session cookie. On success the console opens afresh (as
 * AWS's does), so no page keeps data of the account it left.
 */
export function useSwitchRole() {
  const session = useSession();
  const [pending, setPending] = useState(false);

  async function run(data: SessionUpdate): Promise<SwitchOutcome> {
    setPending(true);
    markSwitching(true);
    const updated = await session.update(data).catch(() => undefined);
    const outcome = updated?.switchRole ?? FAILED;
    // A full load, not a client-side navigation: nothing of the account left behind stays in memory.
    if (outcome.ok) window.location.assign(new URL("/", window.location.origin));
    else {
      markSwitching(false);
      setPending(false);
    }
    return outcome;
  }

  return {
    /** next-auth's update needs the session loaded first. */
    ready: session.status === "authenticated",
    pending,
    switchRole: (role: SwitchRoleInput) => run({ action: "switch-role", role }),
    switchBack: () => run({ action: "switch-back" }),
  };
}
