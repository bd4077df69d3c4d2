"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The page's origin in the browser, "" while rendering on the server (no effect, so no second render to fill it in). */
export const useOrigin = () =>
  useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
