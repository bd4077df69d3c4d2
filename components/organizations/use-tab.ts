"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** The page's active tab, kept in the URL (?tab=...) as the AWS console does, so a reload or a link keeps it. */
export function useTab<T extends string>(tabs: readonly T[]): [T, (tab: string) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const tab = tabs.find((t) => t === search.get("tab")) ?? tabs[0];
  return [tab, (next) => router.replace(`${pathname}?tab=${next}`, { scroll: false })];
}
