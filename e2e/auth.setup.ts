import { test as setup, expect } from "@playwright/test";
import { signInAsRoot } from "./support/sign-in";

setup("sign in as the root user once", async ({ page }) => {
  await signInAsRoot(page);
  await expect(page.getByRole("button", { name: /root @/ })).toBeVisible();
  await page.context().storageState({ path: process.env.E2E_AUTH_FILE! });
});
