"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useCreateAccountStatuses, type CreateAccountStatusDto } from "@/lib/queries/organizations";
import { CreateAccountWatch } from "./create-account-watch";

const WatchContext = createContext<(requestId: string) => void>(() => {});

/** Starts following a CreateAccount request: its progress shows in the flash bar until it succeeds or fails. */
export const useWatchCreateAccount = () => useContext(WatchContext);

/**
 * Follows account creations while the Organizations area is open: the ones this console started and those the
 * organization still has IN_PROGRESS (started elsewhere, or before a reload).
 */
export function CreateAccountProgress({ children }: { children: ReactNode }) {
  const pending = useCreateAccountStatuses("IN_PROGRESS");
  const [watched, setWatched] = useState<string[]>([]);
  const [seen, setSeen] = useState<CreateAccountStatusDto[]>();
  if (pending.data && pending.data !== seen) {
    setSeen(pending.data);
    const ids = pending.data.map((s) => s.id).filter((id) => !watched.includes(id));
    if (ids.length) setWatched([...watched, ...ids]);
  }
  const watch = useCallback((id: string) => setWatched((w) => (w.includes(id) ? w : [...w, id])), []);
  return (
    <WatchContext.Provider value={watch}>
      {watched.map((id) => (
        <CreateAccountWatch key={id} requestId={id} />
      ))}
      {children}
    </WatchContext.Provider>
  );
}
