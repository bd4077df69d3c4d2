import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";

// Dev servers compile each page and Monaco on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 40_000 });

const RESOLVE = "Resolve the errors in the policy before you continue.";
const trust = (principal: Record<string, string>) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });

/** Replaces the editor's text once Monaco has loaded its CSS and holds the keyboard focus. */
async function fillEditor(page: Page, text: string) {
  const editor = page.getByTestId("policy-editor").locator(".monaco-editor").first();
  await expect(editor.locator(".line-numbers").first()).toHaveCSS("position", "absolute", { timeout: 60_000 });
  await expect(async () => {
    await editor.locator(".view-lines").click();
    await expect(editor).toHaveClass(/\bfocused\b/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // Monaco auto-closes brackets; whatever it added is after the cursor.
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}

async function openRole(page: Page, roleName: string, tab: string) {
  await page.goto(`/roles/details/${roleName}?tab=${tab}`);
  await expect(page.getByRole("heading", { name: roleName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
}

test("a role's inline policy with grammar errors is not sent: the findings and the reason stay in the dialog", async ({
  page,
  iam,
  unique,
}) => {
  const roleName = unique("cd-inline");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust({ Service: "lambda.amazonaws.com" }) }));
  try {
    await openRole(page, roleName, "permissions");
    await page.getByRole("button", { name: "Add permissions" }).click();
    await page.getByRole("menuitem", { name: "Create inline policy" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("inline-policy-name").locator("input").fill("no-resource");
    await expect(dialog.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
    await fillEditor(page, JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket" }] }));
    await expect(dialog.getByTestId("policy-finding").first()).toContainText("Policy statement must contain resources.");
    await page.getByTestId("save-inline-policy").click();
    await expect(dialog.getByTestId("policy-errors-blocked").first()).toHaveText(RESOLVE);
    await page.screenshot({ path: "/tmp/console-defects-role-inline-blocked.png", fullPage: true });
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames).toEqual([]);

    await fillEditor(
      page,
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] }),
    );
    await expect(dialog.getByTestId("policy-errors-blocked")).toHaveCount(0);
    await page.getByTestId("save-inline-policy").click();
    await expect(page.getByRole("table").getByText("no-resource", { exact: true })).toBeVisible({ timeout: 30_000 });
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames).toEqual(["no-resource"]);
  } finally {
    await iam.send(new DeleteRoleCommand({ RoleName: roleName })).catch(() => undefined);
  }
});

test("a trust policy with grammar errors is not sent: the role keeps its trust policy", async ({ page, iam, unique }) => {
  const roleName = unique("cd-trust");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust({ Service: "ec2.amazonaws.com" }) }));
  await openRole(page, roleName, "trust");
  await page.getByRole("button", { name: "Edit trust policy" }).click();
  // The role page's read-only trust policy is an editor too: wait for the edit page's own.
  await expect(page.getByRole("heading", { name: "Edit trust policy", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  await fillEditor(page, trust({ Service: "not-a-service" }));
  await expect(page.getByTestId("policy-finding").first()).toContainText('Invalid principal in policy: "SERVICE":"not-a-service"');
  await page.getByTestId("update-trust-policy").click();
  await expect(page.getByTestId("policy-errors-blocked").first()).toHaveText(RESOLVE);
  await expect(page.getByTestId("trust-policy-error")).toHaveCount(0);
  await expect(page).not.toHaveURL(/tab=trust/);
  await page.screenshot({ path: "/tmp/console-defects-trust-blocked.png", fullPage: true });
  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0].Principal).toEqual({ Service: "ec2.amazonaws.com" });
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
});
