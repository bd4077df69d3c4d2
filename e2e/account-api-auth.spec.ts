import { request as playwrightRequest } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { test, expect as baseExpect } from "./fixtures";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

const API_DIR = join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every app/api/**\/route.ts except next-auth's own, as its URL (dynamic segments filled with a dummy) and methods. */
function apiRoutes(): { url: string; methods: string[] }[] {
  const files = (readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => f.split(sep).pop() === "route.ts");
  return files
    .filter((f) => f.split(sep)[0] !== "auth")
    .map((f) => {
      const source = readFileSync(join(API_DIR, f), "utf8");
      const exported = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) exported.add(m[1]);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
        for (const name of m[1].split(","))
          exported.add(
            name
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          );
      const segments = relative(API_DIR, join(API_DIR, f))
        .split(sep)
        .slice(0, -1)
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => (/^\[.*\]$/.test(s) ? "dummy-value" : s));
      return { url: `/api/${segments.join("/")}`, methods: METHODS.filter((m) => exported.has(m)) };
    });
}

test("every /api route answers 401 JSON without a session", async ({ baseURL }) => {
  test.setTimeout(900_000); // a dev server compiles each route on its first request: they are asked all at once
  const routes = apiRoutes();
  expect(routes.map((r) => r.url)).toEqual(
    expect.arrayContaining(["/api/account", "/api/account/alias", "/api/change-password", "/api/users"]),
  );
  const anonymous = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  for (const r of routes) expect(r.methods.length, `${r.url} exports no HTTP method`).toBeGreaterThan(0);
  const calls = routes.flatMap((r) => r.methods.map((method) => ({ method, url: r.url })));
  const failures = (
    await Promise.all(
      calls.map(async ({ method, url }) => {
        const res = await anonymous.fetch(url, { method, timeout: 600_000, ...(method === "GET" ? {} : { data: {} }) });
        const body = await res.json().catch(() => undefined);
        return res.status() === 401 && body?.code === "Unauthorized" ? [] : [`${method} ${url} -> ${res.status()} ${JSON.stringify(body)}`];
      }),
    )
  ).flat();
  await anonymous.dispose();
  expect(failures).toEqual([]);
});
