"use client";

import type { BreadcrumbGroupProps, FlashbarProps } from "@cloudscape-design/components";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

type Flash = FlashbarProps.MessageDefinition & { id: string };

type ShellState = {
  breadcrumbs: BreadcrumbGroupProps.Item[];
  setBreadcrumbs: (items: BreadcrumbGroupProps.Item[]) => void;
  flashes: Flash[];
  notify: (flash: Omit<Flash, "id" | "onDismiss" | "dismissible"> & { id?: string }) => string;
  dismiss: (id: string) => void;
  /** The signed-in principal's account (policy editors name it in ARN templates and tell third parties from it). */
  accountId?: string;
};

const ShellContext = createContext<ShellState | null>(null);

export function ShellProvider({ children, accountId }: { children: ReactNode; accountId?: string }) {
  const [breadcrumbs, setBreadcrumbs] = useState<BreadcrumbGroupProps.Item[]>([]);
  const [flashes, setFlashes] = useState<Flash[]>([]);
  const dismiss = useCallback((id: string) => setFlashes((f) => f.filter((x) => x.id !== id)), []);
  const notify = useCallback<ShellState["notify"]>(
    (flash) => {
      const id = flash.id ?? Math.random().toString(36).slice(2);
      const full: Flash = { ...flash, id, dismissible: true, dismissLabel: "Dismiss", onDismiss: () => dismiss(id) };
      setFlashes((f) => [full, ...f.filter((x) => x.id !== id)]);
      // The Flashbar is at the top of the page: a result is scrolled to there (a navigation that follows then stays
      // at the top), or it shows above the screen, under the sticky top bar. Progress updates leave the page be.
      if (flash.type !== "in-progress") window.scrollTo({ top: 0 });
      return id;
    },
    [dismiss],
  );
  const value = useMemo(
    () => ({ breadcrumbs, setBreadcrumbs, flashes, notify, dismiss, accountId }),
    [breadcrumbs, flashes, notify, dismiss, accountId],
  );
  return <ShellContext.Provider value={value}>{children}</ShellContext.Provider>;
}

export function useShell(): ShellState {
  const ctx = useContext(ShellContext);
  if (!ctx) throw new Error("useShell outside ShellProvider");
  return ctx;
}

/** The signed-in account's ID, or undefined outside the console's shell. */
export const useAccountId = () => useContext(ShellContext)?.accountId;

/** The flash notifications at the top of the page (success, errors with AWS's words, progress). */
export const useNotify = () => useShell().notify;

/** Sets the page's breadcrumbs in the console header; `IAM` is always first. */
export function useBreadcrumbs(items: { text: string; href?: string }[]) {
  const { setBreadcrumbs } = useShell();
  const key = JSON.stringify(items);
  useEffect(() => {
    setBreadcrumbs([{ text: "IAM", href: "/" }, ...items.map((i) => ({ text: i.text, href: i.href ?? "#" }))]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, setBreadcrumbs]);
}
