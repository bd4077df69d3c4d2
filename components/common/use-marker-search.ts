"use client";

import { useState } from "react";
import { useDebounced } from "./use-debounced";
import { useMarkerPages } from "./use-marker-pages";

/**
 * A server-side search over Marker pages: the text as typed, the filter sent once typing pauses, and the pages, which
 * start again when the filter or any of `scope` (the table's other filters) changes.
 */
export function useMarkerSearch(...scope: unknown[]) {
  const [text, setText] = useState("");
  const filter = useDebounced(text.trim(), 300);
  const pages = useMarkerPages([...scope, filter].join("|"));
  return { text, setText, filter, pages, params: { filter: filter || undefined, pageToken: pages.token } };
}
