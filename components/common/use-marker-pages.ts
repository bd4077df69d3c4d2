"use client";

import { useState } from "react";

type Pages = { resetKey: string; tokens: (string | undefined)[]; index: number };

const first = (resetKey: string): Pages => ({ resetKey, tokens: [undefined], index: 0 });

/**
 * Page navigation over AWS's Marker pagination, for the lists AWS's console also pages on the server (a policy's
 * entities, a group's users): the tokens of the pages seen so far, so the user can go back and forward. A new
 * `resetKey` (e.g. the filter) starts again from the first page, derived while rendering rather than synced by an effect.
 */
export function useMarkerPages(resetKey: string) {
  const [state, setState] = useState<Pages>(() => first(resetKey));
  const { tokens, index } = state.resetKey === resetKey ? state : first(resetKey);
  return {
    index,
    token: tokens[index],
    hasMore: (next: string | undefined) => !!next || index < tokens.length - 1,
    count: (next: string | undefined) => Math.max(tokens.length, index + 1 + (next ? 1 : 0)),
    goTo(target: number, next: string | undefined) {
      if (target < 0 || target > index + 1) return;
      const known = target === index + 1 && next ? [...tokens.slice(0, index + 1), next] : tokens;
      setState({ resetKey, tokens: known, index: target });
    },
  };
}

export type MarkerPages = ReturnType<typeof useMarkerPages>;
