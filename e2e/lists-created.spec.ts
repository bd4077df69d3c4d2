import { CreatePolicyCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { doc, expect, findings, typeIntoEditor } from "./policies-support";

test.describe.configure({ timeout: 300_000 });

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

/** Where a user ends up before pressing the final button of a long form: at the bottom of the page. */
const scrollDown = (page: Page) => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

/**
 * The success flash is on screen and nothing covers it (the sticky top bar hid it while Playwright still counted it
 * "in the viewport"), and its button opens what was created.
 */
async function expectFlash(page: Page, text: string, button: string, heading: string) {
  const flash = page.getByText(text, { exact: true }).filter({ visible: true });
  await expect(flash).toBeInViewport({ ratio: 1 });
  const uncovered = () =>
    flash.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.left + 2, r.right - 2].every((x) => [r.top + 2, r.bottom - 2].every((y) => el.contains(document.elementFromPoint(x, y))));
    });
  await expect.poll(uncovered).toBe(true);
  await page.screenshot({ path: `/tmp/lists-created-${button.split(" ")[1]}.png` });
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
}

test("a created policy: its flash is on screen above the list, the list finds it by name, the flash opens it", async ({
  page,
  iam,
  unique,
}) => {
  const policyName = unique("e2e-made");
  // Someone else's policies sort first and fill page 1: finding the new one takes the whole list.
  for (const n of ["a", "b"])
    await iam.send(
      new CreatePolicyCommand({
        PolicyName: `${n}-${policyName}`,
        PolicyDocument: doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }),
      }),
    );
  await page.goto("/policies/create");
  await typeIntoEditor(page, doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::made/*" }));
  await expect(findings(page)).toContainText("No errors");
  await next(page);
  await page.getByTestId("policy-name").locator("input").fill(policyName);
  await page.getByTestId("policy-description").locator("textarea").fill("Made in the console");
  await scrollDown(page);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await expect(page.getByRole("link", { name: policyName, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(policyName) })).toHaveCount(3);
  await expectFlash(page, `Policy ${policyName} created.`, "View policy", policyName);
});

test("a created user: its flash is on screen with a View user button", async ({ page, unique }) => {
  const userName = unique("e2e-made-user");
  await page.goto("/users/create");
  await page.locator("[data-hydrated]").waitFor({ timeout: 90_000 });
  await page.getByTestId("user-name").locator("input").fill(userName);
  await next(page);
  await next(page);
  await scrollDown(page);
  await page.getByRole("button", { name: "Create user", exact: true }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.getByPlaceholder("Search users by name or ARN").fill(userName);
  await expect(page.getByRole("link", { name: userName, exact: true })).toBeVisible();
  await expectFlash(page, `User ${userName} created successfully.`, "View user", userName);
});

test("a created user group: its flash is on screen with a View group button", async ({ page, unique }) => {
  const groupName = unique("e2e-made-group");
  await page.goto("/groups/create");
  await page.getByLabel("User group name").fill(groupName);
  await scrollDown(page);
  await page.getByTestId("create-group-submit").click();
  await expect(page).toHaveURL(/\/groups$/);
  await page.getByPlaceholder("Search groups by name").fill(groupName);
  await expect(page.getByRole("link", { name: groupName, exact: true })).toBeVisible();
  await expectFlash(page, `User group ${groupName} created.`, "View group", groupName);
});

test("a created role: its flash is on screen with a View role button", async ({ page, unique }) => {
  const roleName = unique("e2e-made-role");
  await page.goto("/roles/create");
  await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  await next(page);
  await next(page);
  await page.getByTestId("role-name").locator("input").fill(roleName);
  await scrollDown(page);
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await page.getByPlaceholder("Search roles by name or description").fill(roleName);
  await expect(page.getByRole("link", { name: roleName, exact: true })).toBeVisible();
  await expectFlash(page, `Role ${roleName} created.`, "View role", roleName);
});
