import { ROLE_SESSION_ENDED } from "@/lib/switch-role";

/** An error from a Clef route handler: AWS's code and message verbatim, or field errors from validation. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Every answer of lib/server/route.ts's wrapper that is not a success is JSON with a `code`. A 404 or 405 without one
 * comes from Next.js itself: the console asked for a route (or a method of it) that does not exist, a bug in the
 * console, never the user's doing. It throws like any error and is logged, so the dev overlay and the e2e tests see it.
 */
export const UNKNOWN_API_ROUTE = "UnknownApiRoute";

function unknownRoute(method: string, url: string, status: number, data: { code?: unknown }): ApiError | undefined {
  if ((status !== 404 && status !== 405) || typeof data.code === "string") return undefined;
  const error = new ApiError(UNKNOWN_API_ROUTE, `No such API route: ${method} ${url} (HTTP ${status}).`, status);
  console.error(`clef: ${error.message}`);
  return error;
}

/** A full page load, not a client-side navigation: the session has ended, so nothing of this page's state is kept. */
function signInAgain() {
  const signin = new URL("/signin", window.location.origin);
  signin.searchParams.set("callbackUrl", window.location.pathname);
  window.location.assign(signin);
}

/** fetch for the console's own API: JSON in and out; a 401 sends the browser back to sign-in. */
export async function api<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const method = init?.method ?? "GET";
  const res = await fetch(url, {
    method,
    headers: init?.body !== undefined ? { "content-type": "application/json" } : undefined,
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  // A switched role's session that expired: the reloaded page switches back (the signed-in session goes on).
  if (res.status === 401 && typeof window !== "undefined") {
    if (data.code === ROLE_SESSION_ENDED) window.location.reload();
    else signInAgain();
  }
  if (!res.ok) {
    throw (
      unknownRoute(method, url, res.status, data) ??
      new ApiError(data.code ?? "Error", data.message ?? res.statusText, res.status, data.fieldErrors)
    );
  }
  return data as T;
}

export const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : "";
};
