import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteUserCommand,
  GetAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

const input = (page: import("@playwright/test").Page, key: string) => page.getByTestId(`policy-${key}`).locator("input");

test("the password policy is edited with validation as typed, enforced by AWS, then reset to the default", async ({
  page,
  iam,
  unique,
}) => {
  await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
  await page.goto("/account-settings");
  await expect(page.getByTestId("policy-kind")).toHaveText("This AWS account uses the following default password policy:");
  await expect(page.getByTestId("policy-rules")).toContainText("Minimum password length is 8 characters");
  await expect(page.getByTestId("policy-reset")).toHaveCount(0);

  await page.getByTestId("policy-edit").click();
  await expect(page.getByRole("heading", { name: "Edit password policy" })).toBeVisible();
  await input(page, "minimumPasswordLength").fill("5");
  await expect(input(page, "minimumPasswordLength")).toHaveAccessibleDescription(/Enter a whole number from 6 to 128\./);
  await input(page, "minimumPasswordLength").fill("");
  await expect(input(page, "minimumPasswordLength")).toHaveAccessibleDescription(/Enter a minimum password length\./);
  await input(page, "minimumPasswordLength").fill("12");
  await expect(page.getByText("Enter a minimum password length.")).toHaveCount(0);
  await input(page, "requireSymbols").check();
  await input(page, "requireNumbers").check();
  await input(page, "expirePasswords").check();
  await input(page, "maxPasswordAge").fill("2000");
  await expect(input(page, "maxPasswordAge")).toHaveAccessibleDescription(/Enter a whole number from 1 to 1095\./);
  await input(page, "maxPasswordAge").fill("90");
  await input(page, "preventPasswordReuse").check();
  await input(page, "passwordReusePrevention").fill("25");
  await expect(input(page, "passwordReusePrevention")).toHaveAccessibleDescription(/Enter a whole number from 1 to 24\./);
  await input(page, "passwordReusePrevention").fill("5");
  await input(page, "allowUsersToChangePassword").check();
  await page.screenshot({ path: "/tmp/account-policy-edit.png", fullPage: true });
  await page.getByTestId("policy-save").click();

  await expect(page).toHaveURL(/\/account-settings$/);
  await expect(page.getByText("The password policy was updated.")).toBeVisible();
  await expect(page.getByTestId("policy-kind")).toHaveText("This AWS account uses the following custom password policy:");
  const rules = page.getByTestId("policy-rules");
  await expect(rules).toContainText("Minimum password length is 12 characters");
  await expect(rules).toContainText("Require at least one non-alphanumeric character");
  await expect(rules).toContainText("Password expires in 90 day(s)");
  await expect(rules).toContainText("Remember last 5 password(s) and prevent reuse");
  await page.screenshot({ path: "/tmp/account-settings.png", fullPage: true });
  const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
  expect(PasswordPolicy).toMatchObject({
    MinimumPasswordLength: 12,
    RequireSymbols: true,
    RequireNumbers: true,
    MaxPasswordAge: 90,
    PasswordReusePrevention: 5,
  });

  // AWS now refuses passwords the policy rules out, wherever they are set.
  const userName = unique("policy");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  try {
    const weak = iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: "Short-1" }));
    await expect(weak).rejects.toMatchObject({ name: "PasswordPolicyViolationException" });
  } finally {
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  }

  await page.getByTestId("policy-reset").click();
  await page.getByTestId("policy-reset-confirm").click();
  await expect(page.getByTestId("policy-kind")).toHaveText("This AWS account uses the following default password policy:");
  await expect(iam.send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({ name: "NoSuchEntityException" });
});
