import { test, expect as baseExpect } from "./fixtures";
import { signInAsRoot } from "./support/sign-in";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

/** Opens the header's account menu, again if a click lands before the page has hydrated. */
async function openAccountMenu(page: import("@playwright/test").Page, name: RegExp) {
  await expect(async () => {
    if (!(await page.getByRole("menuitem", { name: "Sign out" }).isVisible())) await page.getByRole("button", { name }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test.use({ storageState: { cookies: [], origins: [] } });

test("signing out revokes the session's credentials: the old session cookie stops working", async ({ page, browser, baseURL }) => {
  await signInAsRoot(page);
  await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
  const cookies = await page.context().cookies();
  expect((await page.request.get("/api/account")).status()).toBe(200);

  await openAccountMenu(page, /^root @ /);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const res = await replay.request.get("/api/account");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ code: "Unauthorized" });
  const old = await replay.newPage();
  // The server checks the credentials before rendering the console, so the old cookie gets a redirect, not the shell.
  const response = await old.goto("/");
  expect(response?.request().redirectedFrom()?.url()).toMatch(/\/$/);
  await expect(old).toHaveURL(/\/signin/);
  await replay.close();
});
