"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { SwitchRoleState } from "@/lib/switch-role";

const SwitchRoleContext = createContext<SwitchRoleState | null>(null);

/** The console layout's switch-role state (identities, display names, history), for the header and the Switch role page. */
export function SwitchRoleProvider({ state, children }: { state: SwitchRoleState; children: ReactNode }) {
  return <SwitchRoleContext.Provider value={state}>{children}</SwitchRoleContext.Provider>;
}

export function useSwitchRoleState(): SwitchRoleState {
  const state = useContext(SwitchRoleContext);
  if (!state) throw new Error("useSwitchRoleState outside SwitchRoleProvider");
  return state;
}
