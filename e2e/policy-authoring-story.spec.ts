import { GetPolicyVersionCommand, ListPoliciesCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { EDITOR_TIMEOUT, expect, findings, policyPage, typeIntoEditor, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const suggestion = (page: Page, label: string) =>
  page.locator(".suggest-widget.visible .monaco-list-row", { has: page.locator(".label-name", { hasText: new RegExp(`^${label}$`) }) });
const editorText = async (page: Page) =>
  (await page.getByTestId("policy-editor").locator(".view-lines").innerText()).replace(/\u00a0/g, " ");
const policy = (bucket: string, actions: string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }],
  });

// The story, end to end: a policy written from scratch with completion and findings, read as a summary, saved,
// broadened into v2 after the new-access warning, and v1 compared with v2.
test("write a policy from scratch, see its summary, save it, broaden it into v2 past the new-access warning, compare v1 with v2", async ({
  page,
  iam,
  unique,
}) => {
  const policyName = unique("e2e-story");
  const bucket = policyName.toLowerCase();

  // Completion offers the action as it is typed.
  await page.goto("/policies/create");
  await typeIntoEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetOb');
  await page.keyboard.press("Control+Space");
  await expect(suggestion(page, "s3:GetObject")).toBeVisible();
  await suggestion(page, "s3:GetObject").click();
  await expect.poll(() => editorText(page)).toContain('"Action": "s3:GetObject"');

  // A misspelt second action: the finding names it and its fix, and applying the fix clears it.
  await typeIntoEditor(page, policy(bucket, ["s3:GetObject", "s3:ListBuckt"]));
  const misspelt = page.getByTestId("policy-finding").and(page.locator('[data-code="INVALID_ACTION"]'));
  await expect(misspelt).toContainText("The action s3:ListBuckt does not exist. Did you mean s3:ListBucket?");
  await misspelt.getByRole("button", { name: "Apply fix: Change to s3:ListBucket" }).click();
  await expect(misspelt).toHaveCount(0);
  await expect(findings(page)).toContainText("No errors");
  const written = await editorText(page);
  expect(written).toContain('"s3:ListBucket"');

  // The visual editor shows the same document, and switching back leaves the JSON as it was.
  const editorMode = page.getByRole("toolbar", { name: "Policy editor" });
  await editorMode.getByRole("button", { name: "Visual" }).click();
  await expect(page.getByText("Statement 1 — Amazon S3")).toBeVisible({ timeout: EDITOR_TIMEOUT });
  await expect(page.getByText("Allow 2 actions")).toBeVisible();
  await editorMode.getByRole("button", { name: "JSON" }).click();
  await expect.poll(() => editorText(page)).toBe(written);

  // The review step summarizes it as AWS does.
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const s3 = page.getByTestId("policy-summary-allow").getByRole("row", { name: /Amazon S3/ });
  await expect(s3).toContainText("Limited: List, Read");
  await page.getByTestId("policy-name").locator("input").fill(policyName);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`Policy ${policyName} created.`)).toBeVisible();
  const listed = await iam.send(new ListPoliciesCommand({ Scope: "Local", MaxItems: 1000 }));
  const arn = listed.Policies!.find((p) => p.PolicyName === policyName)!.Arn!;

  // Broadening it into v2: the warning names the new action with an example request before anything is saved.
  await page.goto(policyPage(arn, "/edit"));
  await waitForEditor(page);
  await typeIntoEditor(page, policy(bucket, ["s3:PutObject", "s3:GetObject", "s3:ListBucket"]));
  const warning = page.getByTestId("new-access-warning");
  await expect(warning).toContainText("This change grants new access");
  await expect(warning.getByRole("row").filter({ hasText: "s3:PutObject" })).toContainText(`arn:aws:s3:::${bucket}/example`);
  await page.screenshot({ path: test.info().outputPath("story-new-access.png"), fullPage: true });
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("save-policy").click();
  await expect(page.getByText(`Policy ${policyName} updated. Version v2 is now the default.`)).toBeVisible();
  const v2 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));
  expect(JSON.parse(decodeURIComponent(v2.PolicyVersion!.Document!)).Statement[0].Action).toContain("s3:PutObject");

  // v1 beside v2: the one added action is the only inserted line.
  await page.goto(policyPage(arn, "?tab=versions"));
  await page.getByTestId("compare-versions").click();
  const compare = page.getByTestId("policy-version-compare");
  await expect(compare.getByTestId("compare-original-header")).toContainText("v1");
  await expect(compare.getByTestId("compare-modified-header")).toContainText("v2 (Default)");
  const diff = compare.locator(".monaco-diff-editor");
  await expect(diff).toBeVisible({ timeout: EDITOR_TIMEOUT });
  await expect(diff.locator(".editor.modified .line-insert")).toHaveCount(1);
  await expect(diff.locator(".editor.modified .view-lines")).toContainText("s3:PutObject");
  await page.screenshot({ path: test.info().outputPath("story-compare.png"), fullPage: true });
});
