import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { expect, typeIntoEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const suggestions = (page: Page) => page.locator(".suggest-widget.visible");
const suggestion = (page: Page, label: string) =>
  suggestions(page).locator(".monaco-list-row", {
    has: page.locator(".label-name", { hasText: new RegExp(`^${label.replace(/[*:]/g, "\\$&")}$`) }),
  });
/** The editor's text as shown (Monaco renders spaces as no-break spaces). */
const editorText = async (page: Page) =>
  (await page.getByTestId("policy-editor").locator(".view-lines").innerText()).replace(/\u00a0/g, " ");

test("completion guides a policy from the action catalogue: actions, condition keys, hover", async ({ page }) => {
  await page.goto("/policies/create");
  await typeIntoEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetOb');
  await page.keyboard.press("Control+Space");
  await expect(suggestion(page, "s3:GetObject")).toBeVisible();
  await expect(suggestion(page, "s3:GetObject")).toContainText("Read");
  await page.screenshot({ path: "/tmp/policy-completion-actions.png" });
  await suggestion(page, "s3:GetObject").click();
  await expect.poll(() => editorText(page)).toContain('"Action": "s3:GetObject"');

  // Past the action's closing quote, a Condition: the keys offered are S3's for GetObject, then the global ones.
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(', "Resource": "*", "Condition": {"StringEquals": {"s3:Tls');
  await page.keyboard.press("Control+Space");
  await expect(suggestion(page, "s3:TlsVersion")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateUser", "Condition": {"StringEquals": {"',
  );
  await page.keyboard.press("Control+Space");
  await expect(suggestion(page, "iam:PermissionsBoundary")).toBeVisible();
  await page.keyboard.type("aws:SourceI");
  await expect(suggestion(page, "aws:SourceIp")).toBeVisible();
  for (let i = 0; i < "aws:SourceI".length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("s3:Tls");
  await expect(suggestion(page, "s3:TlsVersion")).toHaveCount(0);

  // Hover: the action's service, access level and a link to the Service Authorization Reference.
  await page.keyboard.press("Escape");
  await page.getByTestId("policy-editor").locator(".view-lines span", { hasText: '"iam:CreateUser"' }).last().hover();
  const hover = page.locator(".monaco-hover:visible");
  await expect(hover).toContainText("AWS Identity and Access Management (IAM)");
  await expect(hover).toContainText("Access level: Write");
  // Its description comes from the server, asked for once per service.
  await expect(hover).toContainText("Grants permission to create a new IAM user");
  await expect(hover.getByRole("link", { name: /Service Authorization Reference/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/policy-completion-hover.png" });
});
