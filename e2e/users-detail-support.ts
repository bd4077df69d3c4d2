import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Download, type Page } from "@playwright/test";

/** Opens a user's page on one tab and waits for the Summary (dev servers compile on first visit). */
export async function openUser(page: Page, userName: string, section = "permissions") {
  await page.goto(`/users/details/${encodeURIComponent(userName)}?section=${section}`);
  await expect(page.getByTestId("user-summary")).toBeVisible({ timeout: 60_000 });
}

/** Replaces the Monaco editor's text: insertText types it as one edit, so auto-closing brackets don't interfere. */
export async function fillEditor(page: Page, text: string) {
  await page.getByTestId("policy-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

export const readDownload = async (d: Download) => readFileSync((await d.path())!, "utf8");

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/=+$/, "").toUpperCase()) {
    value = ((value << 5) | BASE32.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) out.push((value >>> (bits -= 8)) & 0xff);
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) from a Base32 seed, as an authenticator app computes it. */
export function totp(seed: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac("sha1", base32Decode(seed)).update(counter).digest();
  const offset = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

export const currentStep = () => Math.floor(Date.now() / 30_000);
