import { expect, type Page } from "@playwright/test";

/** Fills Cloudscape inputs by their data-testid (the input element sits inside the component's root). */
export const field = (page: Page, testId: string) => page.getByTestId(testId).locator("input");

/** The sign-in form marks itself once React has hydrated it (dev servers compile on first visit). */
export async function openSignIn(page: Page) {
  await page.goto("/signin");
  await page.locator("form[data-hydrated]").waitFor({ timeout: 60_000 });
}

export async function signInAsRoot(page: Page) {
  await openSignIn(page);
  await field(page, "signin-email").fill(process.env.E2E_ROOT_EMAIL!);
  await field(page, "signin-password").fill(process.env.E2E_ROOT_PASSWORD!);
  await page.getByTestId("signin-submit").click();
  // A dev server compiles the console on the first visit, which can take a while on a busy machine.
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 90_000 });
}

export async function signInAsIamUser(page: Page, userName: string, password: string, account = "000000000000") {
  await openSignIn(page);
  await page.getByText("IAM user", { exact: true }).click();
  await field(page, "signin-account").fill(account);
  await field(page, "signin-userName").fill(userName);
  await field(page, "signin-password").fill(password);
  await page.getByTestId("signin-submit").click();
}

/**
 * Leaves the console before the test deletes its signed-in user: the console would send the page back to sign-in while
 * the test's context closes, and once in CI Chromium hung closing a context during that navigation (the test had passed).
 */
export async function leaveConsole(page: Page) {
  await page.goto("about:blank");
}
