"use client";

import { useEffect, useState } from "react";

/**
 * Page navigation over AWS's Marker pagination: the tokens of the pages seen so far, so the user can go back and
 * forward. Resets when `resetKey` (e.g. the filter) changes.
 */
export function useMarkerPages(resetKey: unknown) {
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    setTokens([undefined]);
    setIndex(0);
  }, [resetKey]);
  return {
    index,
    token: tokens[index],
    hasMore: (next: string | undefined) => !!next || index < tokens.length - 1,
    count: (next: string | undefined) => Math.max(tokens.length, index + 1 + (next ? 1 : 0)),
    goTo(target: number, next: string | undefined) {
      if (target === index + 1 && next) setTokens((t) => [...t.slice(0, index + 1), next]);
      if (target <= index + 1 && target >= 0) setIndex(target);
    },
  };
}

export type MarkerPages = ReturnType<typeof useMarkerPages>;
