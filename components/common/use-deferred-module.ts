"use client";

import { useEffect, useState } from "react";

/**
 * A module a page needs only once the user acts, fetched right after the page instead of with it: a form's schemas
 * (zod is about 30 kB gzip of a page's first load). Undefined until it has arrived. `load` must be a module-level
 * function; an event handler that cannot wait for the next render awaits it itself (it resolves at once when loaded).
 */
export function useDeferredModule<T>(load: () => Promise<T>): T | undefined {
  const [loaded, setLoaded] = useState<{ module: T }>();
  useEffect(() => {
    let live = true;
    void load().then((module) => live && setLoaded({ module }));
    return () => {
      live = false;
    };
  }, [load]);
  return loaded?.module;
}
