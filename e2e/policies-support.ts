import type { Page } from "@playwright/test";
import { expect as baseExpect } from "./fixtures";

/** `next dev` compiles each route on its first visit (minutes on a busy machine); production answers at once. */
export const expect = baseExpect.configure({ timeout: 120_000 });

/** Dev servers compile Monaco on first use, which can take minutes on a busy machine. */
export const EDITOR_TIMEOUT = 240_000;

export const policyPage = (arn: string, rest = "") => `/policies/details/${encodeURIComponent(arn)}${rest}`;

export const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

/** Every request the page makes that leaves the machine (Monaco must come from the installed package, never a CDN). */
export function externalRequests(page: Page): string[] {
  const out: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/^(https?|wss?):$/.test(url.protocol) && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) out.push(r.url());
  });
  return out;
}

/** Monaco has loaded with its CSS (line numbers are positioned by Monaco's stylesheet). */
export async function waitForEditor(page: Page, scope = page.getByTestId("policy-editor").first()) {
  const lines = scope.locator(".monaco-editor .view-lines");
  await expect(lines).toBeVisible({ timeout: EDITOR_TIMEOUT });
  await expect(scope.locator(".monaco-editor .line-numbers").first()).toHaveCSS("position", "absolute");
  return lines;
}

/** Types into the editor key by key, as a user does (one line, so Monaco's auto-closed brackets are typed over). */
export async function typeIntoEditor(page: Page, text: string) {
  const lines = await waitForEditor(page);
  await lines.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

export const findings = (page: Page) => page.getByTestId("policy-findings");

/** The editor's text as shown (`.view-line`s in their on-screen order; Monaco renders spaces as non-breaking ones), parsed when it is JSON. */
export async function editorDocument(page: Page): Promise<unknown> {
  const text = await page
    .getByTestId("policy-editor")
    .locator(".view-lines")
    .evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>(".view-line")]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => line.innerText.replace(/\u00a0/g, " "))
        .join("\n"),
    );
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
