import { GetPolicyVersionCommand, ListPoliciesCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { EDITOR_TIMEOUT, editorDocument, expect, findings, typeIntoEditor, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const switchTo = (page: Page, tab: "Visual" | "JSON") =>
  page.getByRole("toolbar", { name: "Policy editor" }).getByRole("button", { name: tab }).click();

async function tick(page: Page, statement: ReturnType<Page["getByTestId"]>, action: string) {
  await statement.getByRole("searchbox", { name: "Filter actions" }).fill(action);
  await statement.getByRole("checkbox", { name: action, exact: true }).check();
}

const BUCKET = "e2e-visual-bucket";
const EXPECTED = `{
\t"Version": "2012-10-17",
\t"Statement": [
\t\t{
\t\t\t"Sid": "Statement1",
\t\t\t"Effect": "Allow",
\t\t\t"Action": [
\t\t\t\t"s3:GetObject",
\t\t\t\t"s3:ListBucket"
\t\t\t],
\t\t\t"Resource": [
\t\t\t\t"arn:aws:s3:::${BUCKET}",
\t\t\t\t"arn:aws:s3:::${BUCKET}/*"
\t\t\t],
\t\t\t"Condition": {
\t\t\t\t"Bool": {
\t\t\t\t\t"aws:SecureTransport": "true"
\t\t\t\t}
\t\t\t}
\t\t}
\t]
}`;

test("write a policy in the visual editor, see it as JSON, edit the JSON, see the edit in the visual editor, create it", async ({
  page,
  iam,
  unique,
}) => {
  const policyName = unique("e2e-visual");
  await page.goto("/policies/create");
  await waitForEditor(page);
  await switchTo(page, "Visual");
  const statement = page.getByTestId("visual-statement-0");
  await expect(statement).toBeVisible({ timeout: EDITOR_TIMEOUT });
  await expect(page.getByTestId("policy-editor")).toBeHidden();
  await expect(page.getByTestId("visual-findings")).toContainText("Policy statement must contain actions.");

  await statement.getByRole("button", { name: "Service for statement 1" }).click();
  await page.keyboard.type("s3");
  await page
    .getByRole("option")
    .filter({ has: page.getByText("s3", { exact: true }) })
    .first()
    .click();
  await tick(page, statement, "GetObject");
  await tick(page, statement, "ListBucket");
  await expect(page.getByText("Statement 1 — Amazon S3")).toBeVisible();
  await expect(page.getByText("Allow 2 actions")).toBeVisible();

  await statement.getByRole("button", { name: "Add ARNs for bucket" }).click();
  let dialog = page.getByRole("dialog", { name: "Specify ARNs for bucket" });
  await dialog.getByPlaceholder("Enter a bucket name").fill(BUCKET);
  await expect(dialog).toContainText(`arn:aws:s3:::${BUCKET}`);
  await dialog.getByRole("button", { name: "Add ARNs" }).click();
  await statement.getByRole("button", { name: "Add ARNs for object" }).click();
  dialog = page.getByRole("dialog", { name: "Specify ARNs for object" });
  await dialog.getByPlaceholder("Enter a bucket name").fill(BUCKET);
  await dialog.getByRole("checkbox", { name: "Any object name" }).check();
  await expect(dialog).toContainText(`arn:aws:s3:::${BUCKET}/*`);
  await dialog.getByRole("button", { name: "Add ARNs" }).click();
  await expect(statement.getByTestId("resource-type-bucket")).toContainText(`arn:aws:s3:::${BUCKET}`);
  await expect(statement.getByTestId("resource-type-object")).toContainText(`arn:aws:s3:::${BUCKET}/*`);

  await statement.getByRole("button", { name: "Add condition" }).click();
  dialog = page.getByRole("dialog", { name: "Add request condition" });
  await dialog.getByRole("combobox", { name: "Condition key" }).fill("aws:SecureTransport");
  await expect(dialog).toContainText("Type: Bool");
  await dialog.getByRole("button", { name: "Add condition" }).click();
  await expect(statement.getByRole("table")).toContainText("aws:SecureTransport");
  await expect(page.getByTestId("visual-findings")).toContainText("No errors");
  await page.screenshot({ path: "/tmp/policy-visual-editor.png", fullPage: true });

  await switchTo(page, "JSON");
  await expect(page.getByTestId("policy-editor")).toBeVisible();
  await expect.poll(() => editorDocument(page)).toEqual(JSON.parse(EXPECTED));
  await expect(findings(page)).toContainText("No errors");
  await page.screenshot({ path: "/tmp/policy-visual-json.png", fullPage: true });

  // An edit in JSON shows in the visual editor; a visual edit then rewrites only that statement.
  const typed = `{"Version": "2012-10-17", "Statement": [{"Sid": "Statement1", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:PutObject"], "Resource": ["arn:aws:s3:::${BUCKET}", "arn:aws:s3:::${BUCKET}/*"], "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}`;
  await typeIntoEditor(page, typed);
  await expect(findings(page)).toContainText("No errors");
  await switchTo(page, "Visual");
  await expect(page.getByText("Allow 3 actions")).toBeVisible();
  await statement.getByRole("searchbox", { name: "Filter actions" }).fill("PutObject");
  await expect(statement.getByRole("checkbox", { name: "PutObject", exact: true })).toBeChecked();
  await statement.getByRole("checkbox", { name: "PutObject", exact: true }).uncheck();
  await expect(page.getByText("Allow 2 actions")).toBeVisible();
  const final = `{"Version": "2012-10-17", "Statement": [{"Sid":"Statement1","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::${BUCKET}","arn:aws:s3:::${BUCKET}/*"],"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`;
  await switchTo(page, "JSON");
  await expect.poll(() => editorDocument(page)).toEqual(JSON.parse(final));

  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByTestId("policy-name").locator("input").fill(policyName);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`Policy ${policyName} created.`)).toBeVisible();
  const listed = await iam.send(new ListPoliciesCommand({ Scope: "Local", MaxItems: 1000 }));
  const arn = listed.Policies!.find((p) => p.PolicyName === policyName)!.Arn!;
  const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }));
  expect(decodeURIComponent(v1.PolicyVersion!.Document!)).toBe(final);
});

test("a policy the visual editor cannot show stays in the JSON editor, with the reason", async ({ page }) => {
  await page.goto("/policies/create");
  await typeIntoEditor(
    page,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}]}',
  );
  await switchTo(page, "Visual");
  await expect(page.getByText("The visual editor can't show this policy")).toBeVisible();
  await expect(page.getByText('The element "Action" appears twice in one object.', { exact: false })).toBeVisible();
  await expect(page.getByTestId("policy-editor")).toBeVisible();
  await expect(page.getByTestId("visual-policy-editor")).toHaveCount(0);
});
