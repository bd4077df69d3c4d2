import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect } from "./fixtures";

/** Dev servers compile the page and Monaco on first use; production answers at once. */
export const expect = baseExpect.configure({ timeout: 60_000 });

export const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);

export async function openSimulator(page: Page) {
  await page.goto("/simulator");
  await expect(page.getByRole("heading", { name: "Policy simulator", level: 1 })).toBeVisible({ timeout: 120_000 });
}

/** Chooses a user, group or role in the simulator's principal select by typing its name. */
export async function choosePrincipal(page: Page, name: string) {
  await page.getByTestId("principal-select").getByRole("button").first().click();
  await page.getByPlaceholder(/^Find a /).fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
}

/** Adds actions through the "Add an action or a pattern" field, as typed. */
export async function addActions(page: Page, actions: string[]) {
  const input = page.getByTestId("simulator-action-input").locator("input");
  for (const a of actions) {
    await input.fill(a);
    await page.getByTestId("simulator-add-action").click();
    await expect(page.getByTestId("simulator-selected-actions")).toContainText(a);
  }
}

/** Replaces the text of the Monaco editor inside `scope` as one typed edit. */
export async function fillEditorIn(page: Page, scope: Locator, text: string) {
  const editor = scope.locator(".monaco-editor").first();
  await expect(editor.locator(".view-lines")).toBeVisible({ timeout: 240_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

export const resultRow = (page: Page, action: string) =>
  page.getByTestId("simulation-results").getByRole("row").filter({ hasText: action });

/** The 1-based line range of the statement whose Sid is `sid` in `text` (as the highlight should cover it). */
export function linesOf(text: string, sid: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(`"Sid": "${sid}"`));
  let start = at;
  while (!lines[start].trim().startsWith("{")) start--;
  let end = at;
  while (!lines[end].trim().startsWith("}")) end++;
  return `${start + 1}-${end + 1}`;
}
