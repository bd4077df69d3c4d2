import { CreatePolicyCommand, CreateUserCommand, type IAMClient } from "@aws-sdk/client-iam";
import { expect, type Page } from "@playwright/test";

export const ALLOW_LIST_BUCKETS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }],
});

export async function createUsers(iam: IAMClient, names: string[]) {
  for (const UserName of names) await iam.send(new CreateUserCommand({ UserName }));
}

export async function createPolicy(iam: IAMClient, PolicyName: string) {
  const r = await iam.send(new CreatePolicyCommand({ PolicyName, PolicyDocument: ALLOW_LIST_BUCKETS }));
  return r.Policy!.Arn!;
}

export const groupUrl = (name: string, rest = "") => `/groups/details/${encodeURIComponent(name)}${rest}`;

/** Ticks a row's checkbox in a Cloudscape table, found by the text in the row. */
export async function selectRow(page: Page, scope: ReturnType<Page["locator"]> | Page, text: string) {
  const row = scope.getByRole("row").filter({ hasText: text });
  await expect(row).toHaveCount(1);
  await row.getByRole("checkbox").check();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/groups-${name}.png`, fullPage: false });
}

/** Replaces the Monaco editor's text as a user would type it (Monaco auto-closes brackets: drop what follows). */
export async function fillEditor(page: Page, text: string) {
  await page.getByTestId("policy-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}
