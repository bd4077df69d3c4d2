import { createHmac } from "node:crypto";
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, GetUserCommand, type IAMClient } from "@aws-sdk/client-iam";
import { expect, type Page } from "@playwright/test";

/** Deletes a user the way the console does (through the API route), so tests clean up whatever they made. */
export async function removeUser(page: Page, userName: string) {
  await page.request.delete(`/api/users/${encodeURIComponent(userName)}`);
}

export async function userExists(iam: IAMClient, userName: string): Promise<boolean> {
  return iam.send(new GetUserCommand({ UserName: userName })).then(
    () => true,
    (e) => (e.name === "NoSuchEntityException" ? false : Promise.reject(e)),
  );
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function totp(seed: string, step: number): string {
  let bits = 0;
  let value = 0;
  const key: number[] = [];
  for (const c of seed.replace(/=+$/, "")) {
    value = ((value << 5) | BASE32.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) key.push((value >>> (bits -= 8)) & 0xff);
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac("sha1", Buffer.from(key)).update(counter).digest();
  const offset = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** Creates and enables a virtual MFA device for the user, with two consecutive TOTP codes as AWS asks. */
export async function enableVirtualMfa(iam: IAMClient, userName: string): Promise<string> {
  const { VirtualMFADevice: d } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }));
  const seed = new TextDecoder().decode(d!.Base32StringSeed!);
  const step = Math.floor(Date.now() / 30_000);
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: d!.SerialNumber!,
      AuthenticationCode1: totp(seed, step - 1),
      AuthenticationCode2: totp(seed, step),
    }),
  );
  return d!.SerialNumber!;
}

/** The wizard's input for a test id; its FormField's error and constraint text are its accessible description. */
export const input = (page: Page, testId: string) => page.getByTestId(testId).locator("input");

export async function expectOnStep(page: Page, title: string) {
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 60_000 });
}

/** Opens the wizard and waits for React to hydrate it (dev servers compile and hydrate slowly). */
export async function openWizard(page: Page) {
  await page.goto("/users/create");
  await page.locator("[data-hydrated]").waitFor({ timeout: 90_000 });
}

/** AWS's error as the wizard shows it (Cloudscape also renders a hidden copy for screen readers). */
export const createError = (page: Page) => page.getByTestId("create-error").filter({ visible: true });

/** From the wizard's first step: a user with just a name (no console access, no permissions), submitted. */
export async function submitBareUser(page: Page, userName: string) {
  await expectOnStep(page, "Specify user details");
  await input(page, "user-name").fill(userName);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expectOnStep(page, "Set permissions");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expectOnStep(page, "Review and create");
  await page.getByRole("button", { name: "Create user", exact: true }).click();
}
