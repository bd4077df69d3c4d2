"use client";

import type { Session } from "next-auth";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

/**
 * The browser's side of next-auth (its /api/auth endpoints, cookies and CSRF token), without `next-auth/react`: that
 * module ships Babel's regenerator runtime and helpers to every page (about 12 kB gzip). Same protocol and behaviour:
 * the session is fetched on load and when the tab becomes visible again; a change made in one tab (update, sign-in,
 * sign-out) is told to the others through localStorage's "nextauth.message", as next-auth does, and they fetch it.
 */
const BASE = "/api/auth";
const MESSAGE_KEY = "nextauth.message";

export type SessionState = (
  { data: Session; status: "authenticated" } | { data: Session | null; status: "loading" | "unauthenticated" }
) & {
  /** POSTs `data` to next-auth's session endpoint (its `update` trigger); the new session, or undefined on failure. */
  update: (data?: unknown) => Promise<Session | null | undefined>;
};

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The mounted provider's fetch, for sign-in to load the new session in this tab (as next-auth's signIn does). */
let refetchHere: (() => Promise<void>) | undefined;

/** An auth endpoint's JSON (null for an empty object, as next-auth's client has it); null when the call fails. */
async function fetchAuth<T>(path: string, body?: unknown): Promise<T | null> {
  try {
    const res = await fetch(`${BASE}/${path}`, {
      headers: { "Content-Type": "application/json" },
      ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
    });
    const data = await res.json();
    if (!res.ok) throw data;
    return Object.keys(data).length > 0 ? data : null;
  } catch (error) {
    console.error("[next-auth][error][CLIENT_FETCH_ERROR]", { error, url: `${BASE}/${path}` });
    return null;
  }
}

const csrfToken = async () => (await fetchAuth<{ csrfToken: string }>("csrf"))?.csrfToken;

/** Tells the other tabs the session changed (they fetch it anew). */
function broadcast(trigger = "getSession") {
  try {
    localStorage.setItem(MESSAGE_KEY, JSON.stringify({ event: "session", data: { trigger }, timestamp: now() }));
  } catch {
    // Storage unavailable (private mode, quota): the other tabs see the change when next focused.
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** A form POST to next-auth (sign-in callback, sign-out) with its CSRF token. */
async function postForm(path: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ ...fields, csrfToken: (await csrfToken()) ?? "", json: "true" });
  const res = await fetch(`${BASE}/${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  return { res, data: (await res.json()) as { url?: string } };
}

/** Credentials sign-in without a redirect: next-auth's `signIn(provider, { redirect: false, ...fields })`. */
export async function signIn(provider: string, fields: Record<string, string>, callbackUrl = window.location.href) {
  const { res, data } = await postForm(`callback/${provider}`, { ...fields, callbackUrl });
  const error = new URL(data.url!, window.location.origin).searchParams.get("error");
  if (res.ok) await refetchHere?.();
  return { error, status: res.status, ok: res.ok, url: error ? null : data.url };
}

/** next-auth's `signOut({ callbackUrl })`: ends the session, tells the other tabs, and loads the callback page. */
export async function signOut({ callbackUrl = window.location.href }: { callbackUrl?: string } = {}) {
  const { data } = await postForm("signout", { callbackUrl });
  broadcast("signout");
  const url = data.url ?? callbackUrl;
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}

/**
 * `session` is the server's answer for this request (null when signed out): given, the first render already has it, so
 * a page load makes no request for it and no second render. (A context that changes while the page hydrates also makes
 * React render anew any section still streaming in, a loading.tsx boundary, instead of hydrating the server's copy.)
 */
export function SessionProvider({ children, session: initial }: { children: ReactNode; session?: Session | null }) {
  const [session, setSession] = useState<Session | null>(initial ?? null);
  const [loading, setLoading] = useState(initial === undefined);
  // What this tab last had: undefined before the first answer, null when signed out (a refocused signed-out tab
  // fetches nothing, as with next-auth).
  const latest = useRef<Session | null | undefined>(initial);

  const refresh = useCallback(
    (tellOthers: boolean) =>
      fetchAuth<Session>("session").then((next) => {
        if (tellOthers) broadcast();
        // The same session again (a refocused tab, another tab's load) leaves the context, and so the page, as it is.
        if (JSON.stringify(next) !== JSON.stringify(latest.current)) setSession(next);
        latest.current = next;
        setLoading(false);
      }),
    [],
  );

  const known = useRef(initial !== undefined);
  useEffect(() => {
    // A load tells the other tabs (a sign-in there, or a switch, is then seen here); without the server's session it
    // is fetched first.
    if (known.current) broadcast();
    else void refresh(true);
    refetchHere = () => refresh(false);
    const onStorage = (e: StorageEvent) => {
      if (e.key !== MESSAGE_KEY) return;
      const message = JSON.parse(e.newValue ?? "{}");
      if (message?.event === "session" && message.data) void refresh(false);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && latest.current) void refresh(true);
    };
    window.addEventListener("storage", onStorage);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      refetchHere = undefined;
      window.removeEventListener("storage", onStorage);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      ...(session && !loading
        ? { data: session, status: "authenticated" as const }
        : { data: session, status: loading ? ("loading" as const) : ("unauthenticated" as const) }),
      update: async (data) => {
        if (loading || !session) return undefined;
        setLoading(true);
        const next = await fetchAuth<Session>("session", { csrfToken: await csrfToken(), data });
        setLoading(false);
        if (next) {
          latest.current = next;
          setSession(next);
          broadcast();
        }
        return next;
      },
    }),
    [session, loading],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}
