import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { field } from "./support/sign-in";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

test.use({ storageState: { cookies: [], origins: [] } });

/** The raw query strings an attacker puts in a sign-in link (percent-encoding as typed, decoded by the server). */
const HOSTILE = [
  "/\\evil.example/",
  "/%09/evil.example/",
  "/%0A/evil.example/",
  "%2F%2Fevil.example/",
  "/.//evil.example/",
  "/%5C/evil.example/",
  "https://evil.example/",
  "http://localhost@evil.example/",
  "javascript:alert(document.domain)",
];

/** Records any request to evil.example (and answers it, so a redirect there would be seen, not a DNS error). */
async function watchEvil(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => {
      seen.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  return seen;
}

async function signInThrough(page: Page, query: string) {
  await page.goto(`/signin?callbackUrl=${query}`);
  await page.locator("form[data-hydrated]").waitFor({ timeout: 60_000 });
  await field(page, "signin-email").fill(process.env.E2E_ROOT_EMAIL!);
  await field(page, "signin-password").fill(process.env.E2E_ROOT_PASSWORD!);
  await page.getByTestId("signin-submit").click();
}

for (const query of HOSTILE) {
  test(`sign-in with callbackUrl=${query} ends on the console's dashboard`, async ({ page, baseURL }) => {
    const evil = await watchEvil(page);
    await signInThrough(page, query);
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(evil).toEqual([]);
  });
}

test("sign-in with a console path as callbackUrl goes to that page", async ({ page }) => {
  const evil = await watchEvil(page);
  await signInThrough(page, encodeURIComponent("/users?from=signin"));
  await expect(page.getByRole("heading", { name: /^Users/, level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/users");
  expect(evil).toEqual([]);
});

test("next-auth's own callback refuses another origin", async ({ page, baseURL }) => {
  // The credentials callback answers with the URL it would send the browser to; it must stay on the console.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()).csrfToken as string;
  for (const callbackUrl of ["/\\evil.example/", "/\t/evil.example/", "https://evil.example/", "/.//evil.example/"]) {
    const res = await page.request.post("/api/auth/callback/clef", {
      form: {
        csrfToken: csrf,
        callbackUrl,
        json: "true",
        type: "root",
        email: process.env.E2E_ROOT_EMAIL!,
        password: process.env.E2E_ROOT_PASSWORD!,
      },
      maxRedirects: 0,
    });
    const url = new URL((await res.json()).url as string);
    expect(url.origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(url.pathname, callbackUrl).toBe("/");
  }
});
