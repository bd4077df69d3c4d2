import { CreateRoleCommand, DeleteRoleCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { doc, expect, findings, typeIntoEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const finding = (page: Page, code: string) => page.getByTestId("policy-finding").and(page.locator(`[data-code="${code}"]`));

test("a misspelt action is a warning with its code and a fix; applying the fix clears it", async ({ page }) => {
  await page.goto("/policies/create");
  await typeIntoEditor(page, doc({ Effect: "Allow", Action: "s3:GetObjekt", Resource: "arn:aws:s3:::e2e-bucket/*" }));
  const misspelt = finding(page, "INVALID_ACTION");
  await expect(misspelt).toContainText("The action s3:GetObjekt does not exist. Did you mean s3:GetObject?");
  await expect(misspelt).toHaveAttribute("data-kind", "WARNING");
  await expect(findings(page)).toContainText("No errors. The policy matches the IAM policy grammar.");
  await expect(findings(page)).toContainText("Errors: 0 · Security: 0 · Warnings: 1 · Suggestions: 0");
  await expect(page.getByTestId("policy-editor").locator(".squiggly-warning").first()).toBeAttached();
  await page.screenshot({ path: test.info().outputPath("policy-findings-warning.png"), fullPage: true });

  await misspelt.getByRole("button", { name: "Apply fix: Change to s3:GetObject" }).click();
  await expect(misspelt).toHaveCount(0);
  await expect(page.getByTestId("policy-editor")).toContainText('"s3:GetObject"');
  await expect(page.getByTestId("policy-finding")).toHaveCount(0);
  await expect(findings(page)).toHaveText("No errors. The policy matches the IAM policy grammar.");
});

test("a trust policy open to any AWS principal shows a security warning", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-findings-trust");
  const trust = (principal: unknown) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust({ Service: "ec2.amazonaws.com" }) }));
  try {
    await page.goto(`/roles/details/${roleName}/edit-trust-policy`);
    await expect(page.getByRole("heading", { name: "Edit trust policy", level: 1 })).toBeVisible();
    await typeIntoEditor(page, trust({ AWS: "*" }));
    const open = finding(page, "TRUST_ANY_PRINCIPAL");
    await expect(open).toHaveAttribute("data-kind", "SECURITY_WARNING");
    await expect(open).toContainText("Any AWS principal, in any account, can use this statement");
    await expect(findings(page)).toContainText("Security: 1");
    await page.screenshot({ path: test.info().outputPath("policy-findings-trust.png"), fullPage: true });
  } finally {
    await iam.send(new DeleteRoleCommand({ RoleName: roleName })).catch(() => undefined);
  }
});
