"use client";

import { useHydrated } from "./use-hydrated";

/** The page's origin in the browser, "" while rendering on the server (no effect, so no second render to fill it in). */
export const useOrigin = () => (useHydrated() ? window.location.origin : "");
