import {
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteUserCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";
import { openUser } from "./users-detail-support";

test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

test("Manage console access checks a custom password against the account's password policy, not AWS's default", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("cd-rules");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 20, RequireSymbols: true, RequireNumbers: true }));
  const unknownRoutes: string[] = [];
  page.on("console", (m) => m.text().includes("No such API route") && unknownRoutes.push(m.text()));
  try {
    await openUser(page, userName, "security_credentials");
    await page.getByTestId("manage-console-access").click();
    await page.getByRole("dialog").getByText("Custom password", { exact: true }).click();
    const field = page.getByTestId("custom-password-field");
    await expect(field).toContainText("Must be at least 20 characters long.");
    await expect(field).toContainText("Must include at least one non-alphanumeric character");
    // 16 characters of four kinds: enough for AWS's default policy, not for this account's.
    await field.locator("input").first().fill("Detail-Passw0rd!");
    await expect(field).toContainText("The password must be at least 20 characters long.");
    await page.screenshot({ path: "/tmp/console-defects-password-rules.png" });
    await field.locator("input").first().fill("Detail-Passw0rd!-long-enough");
    await expect(field).not.toContainText("The password must be");
    expect(unknownRoutes).toEqual([]);
  } finally {
    await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
    await iam.send(new DeleteUserCommand({ UserName: userName })).catch(() => undefined);
  }
});
