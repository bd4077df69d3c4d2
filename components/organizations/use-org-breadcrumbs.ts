"use client";

import { useEffect } from "react";
import { useShell } from "@/components/shell/shell-context";

/** The page's breadcrumbs in the Organizations area: `AWS Organizations` first, as AWS's console starts them. */
export function useOrgBreadcrumbs(items: { text: string; href?: string }[]) {
  const { setBreadcrumbs } = useShell();
  const key = JSON.stringify(items);
  useEffect(() => {
    const parsed = JSON.parse(key) as { text: string; href?: string }[];
    setBreadcrumbs([
      { text: "AWS Organizations", href: "/organizations/accounts" },
      ...parsed.map((i) => ({ text: i.text, href: i.href ?? "#" })),
    ]);
  }, [key, setBreadcrumbs]);
}
