import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { signIn, signOut } from "../../components/auth/session";

// The console's own client for next-auth's endpoints must speak next-auth's protocol: a CSRF token fetched first, then
// a form POST with json=true, and the error read from the answer's URL.
type Call = { url: string; init?: RequestInit };

describe("the browser's next-auth client", () => {
  let calls: Call[];
  let answers: Record<string, { status: number; body: unknown }>;
  const realFetch = globalThis.fetch;
  const location = { origin: "http://localhost:3000", href: "http://localhost:3000/users", reload: () => undefined };
  const stored: Record<string, string> = {};

  beforeEach(() => {
    calls = [];
    answers = { "/api/auth/csrf": { status: 200, body: { csrfToken: "token-1" } } };
    globalThis.fetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const a = answers[url] ?? { status: 404, body: {} };
      return new Response(JSON.stringify(a.body), { status: a.status, headers: { "Content-Type": "application/json" } });
    }) as typeof fetch;
    Object.assign(globalThis, {
      window: { location },
      localStorage: { setItem: (k: string, v: string) => (stored[k] = v) },
    });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as { window?: unknown }).window;
    delete (globalThis as { localStorage?: unknown }).localStorage;
    delete stored["nextauth.message"];
  });

  it("signs in with the CSRF token in a form POST and reports success", async () => {
    answers["/api/auth/callback/clef"] = { status: 200, body: { url: "http://localhost:3000/users" } };
    const res = await signIn("clef", { type: "root", email: "a@b.c" }, "/users");
    assert.deepEqual(
      calls.map((c) => c.url),
      ["/api/auth/csrf", "/api/auth/callback/clef"],
    );
    const body = new URLSearchParams(String(calls[1].init?.body));
    assert.equal(calls[1].init?.method, "POST");
    assert.deepEqual(Object.fromEntries(body), { type: "root", email: "a@b.c", callbackUrl: "/users", csrfToken: "token-1", json: "true" });
    assert.deepEqual(res, { error: null, status: 200, ok: true, url: "http://localhost:3000/users" });
  });

  it("reports next-auth's error from a refused sign-in", async () => {
    answers["/api/auth/callback/clef"] = { status: 401, body: { url: "http://localhost:3000/api/auth/error?error=Wrong%20password" } };
    const res = await signIn("clef", { type: "root" }, "/");
    assert.deepEqual(res, { error: "Wrong password", status: 401, ok: false, url: null });
  });

  it("signs out with the CSRF token, tells the other tabs and loads the page next-auth names", async () => {
    answers["/api/auth/signout"] = { status: 200, body: { url: "http://localhost:3000/signin" } };
    await signOut({ callbackUrl: "/signin" });
    assert.deepEqual(Object.fromEntries(new URLSearchParams(String(calls[1].init?.body))), {
      callbackUrl: "/signin",
      csrfToken: "token-1",
      json: "true",
    });
    assert.equal(JSON.parse(stored["nextauth.message"]).data.trigger, "signout");
    assert.equal(location.href, "http://localhost:3000/signin");
  });
});
