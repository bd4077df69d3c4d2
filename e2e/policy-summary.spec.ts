import { ListPoliciesCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { expect, findings, policyPage, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const editorAction = async (page: Page, item: string) => {
  await page.getByTestId("policy-editor-actions").getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
};

test("a policy from a template: its summary in the review step, then on the policy page beside its JSON", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-sum");
  const bucket = policyName.toLowerCase();

  await page.goto("/policies/create");
  await waitForEditor(page);
  await editorAction(page, "Start from a template");
  const modal = page.getByRole("dialog", { name: "Start from a template" });
  await modal.getByRole("radio", { name: /Read-only access to an S3 bucket/ }).check();
  await modal.getByTestId("template-bucket").locator("input").fill("Not_A_Bucket");
  await modal.getByTestId("use-template").click();
  await expect(modal.getByText("Bucket names are 3 to 63 lowercase letters")).toBeVisible();
  await modal.getByTestId("template-bucket").locator("input").fill(bucket);
  await modal.getByTestId("use-template").click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId("policy-editor")).toContainText(`arn:aws:s3:::${bucket}/*`);
  await expect(findings(page)).toContainText("No errors");

  await page.getByRole("button", { name: "Next", exact: true }).click();
  const allow = page.getByTestId("policy-summary-allow");
  await expect(allow).toContainText(/Allow \(1 of \d+ services\)/);
  const s3 = allow.getByRole("row", { name: /Amazon S3/ });
  await expect(s3).toContainText("Limited: List, Read");
  await expect(s3).toContainText("Multiple");
  await expect(s3).toContainText("None");
  await s3.getByRole("button", { name: "Amazon S3 (Allow)" }).click();
  const actions = page.getByTestId("policy-summary-actions");
  await expect(actions.getByRole("row", { name: /ListBucket/ })).toContainText(`BucketName | string like | ${bucket}`);
  await expect(actions.getByRole("row", { name: /GetObject\b/ }).first()).toContainText(
    `BucketName | string like | ${bucket}, ObjectName | string like | All`,
  );
  await page.screenshot({ path: "/tmp/policy-summary-review.png", fullPage: true });
  await actions.getByRole("button", { name: "s3:GetObject", exact: true }).click();
  const resources = page.getByTestId("policy-summary-resources");
  await expect(resources).toContainText("GetObject action in Amazon S3");
  await expect(resources.getByRole("row").nth(1)).toContainText("All regions");

  await page.getByTestId("policy-name").locator("input").fill(policyName);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`Policy ${policyName} created.`)).toBeVisible();
  const listed = await iam.send(new ListPoliciesCommand({ Scope: "Local", MaxItems: 1000 }));
  const arn = listed.Policies!.find((p) => p.PolicyName === policyName)!.Arn!;

  await page.goto(policyPage(arn));
  await expect(page.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Summary", exact: true }).click();
  await expect(page.getByTestId("policy-summary-allow").getByRole("row", { name: /Amazon S3/ })).toContainText("Limited: List, Read");
  await page.getByLabel("Filter services").fill("dynamo");
  await expect(page.getByText("No services match the filter.")).toBeVisible();
  await page.screenshot({ path: "/tmp/policy-summary-page.png", fullPage: true });
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await waitForEditor(page);
  await expect(page.getByTestId("policy-editor")).toContainText(`arn:aws:s3:::${bucket}`);
  await expect(page.getByTestId("policy-summary")).toHaveCount(0);
});

test("import an AWS managed policy's document into the editor, and summarize it", async ({ page }) => {
  await page.goto("/policies/create");
  await waitForEditor(page);
  await editorAction(page, "Import policy");
  const modal = page.getByRole("dialog", { name: "Import policy" });
  await modal.getByLabel("Filter policies").fill("IAMReadOnlyAccess");
  await modal
    .getByRole("row", { name: /IAMReadOnlyAccess/ })
    .getByRole("radio")
    .check();
  await modal.getByTestId("import-policy-confirm").click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId("policy-editor")).toContainText("iam:GenerateCredentialReport");
  await expect(findings(page)).toContainText("No errors");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const iamRow = page.getByTestId("policy-summary-allow").getByRole("row", { name: /Identity and Access Management/ });
  await expect(iamRow).toContainText("All resources");
  await expect(iamRow).toContainText(/Full: List/);
  await page.screenshot({ path: "/tmp/policy-summary-import.png", fullPage: true });
});

test("a policy picker shows a policy's summary before it is attached", async ({ page }) => {
  await page.goto("/groups/create");
  const picker = page.getByTestId("policy-picker");
  await picker.getByLabel("Filter policies").fill("IAMReadOnlyAccess");
  await picker.getByRole("button", { name: "View summary of IAMReadOnlyAccess" }).click();
  const modal = page.getByRole("dialog", { name: /IAMReadOnlyAccess: permissions defined in this policy/ });
  await expect(modal.getByTestId("policy-summary-allow").getByRole("row", { name: /Identity and Access Management/ })).toContainText(
    "All resources",
  );
  await page.screenshot({ path: "/tmp/policy-summary-picker.png", fullPage: true });
  await modal.getByRole("button", { name: "Close", exact: true }).click();
  await expect(modal).toBeHidden();
  await expect(picker.getByRole("row", { name: /IAMReadOnlyAccess/ }).getByRole("checkbox")).not.toBeChecked();
});

test("a custom trust policy from the cross-account template, with the external ID filled in", async ({ page }) => {
  await page.goto("/roles/create");
  await page.getByText("Custom trust policy", { exact: true }).click();
  await waitForEditor(page);
  await editorAction(page, "Start from a template");
  const modal = page.getByRole("dialog", { name: "Start from a template" });
  await expect(modal.getByRole("radio", { name: /Cross-account trust with external ID/ })).toBeChecked();
  await expect(modal.getByRole("radio")).toHaveCount(1);
  await modal.getByTestId("template-accountId").locator("input").fill("1234");
  await modal.getByTestId("template-externalId").locator("input").fill("Unique-ID-1234");
  await modal.getByTestId("use-template").click();
  await expect(modal.getByText("An account ID is 12 digits.")).toBeVisible();
  await modal.getByTestId("template-accountId").locator("input").fill("111122223333");
  await modal.getByTestId("use-template").click();
  await expect(modal).toBeHidden();
  const editor = page.getByTestId("policy-editor").filter({ hasText: "Unique-ID-1234" });
  await expect(editor.first()).toContainText("arn:aws:iam::111122223333:root");
  await expect(editor.first()).toContainText('"sts:ExternalId"');
  await expect(page.getByText("No errors. The policy matches the IAM policy grammar.").first()).toBeVisible();
  await page.screenshot({ path: "/tmp/policy-summary-trust-template.png", fullPage: true });
});
