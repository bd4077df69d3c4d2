import {
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DetachUserPolicyCommand,
  GetLoginProfileCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { leaveConsole, signInAsIamUser } from "./support/sign-in";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

/** Opens the header's account menu, again if a click lands before the page has hydrated. */
async function openAccountMenu(page: import("@playwright/test").Page, name: RegExp) {
  await expect(async () => {
    if (!(await page.getByRole("menuitem", { name: "Sign out" }).isVisible())) await page.getByRole("button", { name }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test.use({ storageState: { cookies: [], origins: [] } });

const INITIAL = "Initial-Passw0rd!";
const NEXT = "Changed-Passw0rd!";
const input = (page: Page, key: string) => page.getByTestId(`change-password-${key}`).locator("input");
const CHANGE_PASSWORD = "arn:aws:iam::aws:policy/IAMUserChangePassword";

/** A console user who may change their own password: IAM requires iam:ChangePassword, as the AWS console grants it. */
async function consoleUser(page: Page, iam: IAMClient, userName: string, passwordResetRequired: boolean) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: CHANGE_PASSWORD }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: INITIAL, PasswordResetRequired: passwordResetRequired }));
  return async () => {
    await leaveConsole(page);
    await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: CHANGE_PASSWORD }));
    await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  };
}

test("a user whose password must be reset changes it before reaching the console", async ({ page, iam, unique }) => {
  const userName = unique("reset");
  const cleanup = await consoleUser(page, iam, userName, true);
  try {
    await signInAsIamUser(page, userName, INITIAL);
    await expect(page).toHaveURL(/\/change-password$/);
    await page.goto("/users");
    await expect(page).toHaveURL(/\/change-password$/);
    await page.locator("form[data-hydrated]").waitFor();

    await page.getByTestId("change-password-submit").click();
    await expect(input(page, "oldPassword")).toHaveAccessibleDescription(/Enter your current password\./);
    await expect(input(page, "newPassword")).toHaveAccessibleDescription(/Enter a new password\./);

    await input(page, "oldPassword").fill(INITIAL);
    await input(page, "newPassword").fill("weakpass");
    await input(page, "confirmPassword").fill("weakpas");
    await expect(input(page, "confirmPassword")).toHaveAccessibleDescription(/Passwords don't match\./);
    await input(page, "confirmPassword").fill("weakpass");
    await page.getByTestId("change-password-submit").click();
    await expect(input(page, "newPassword")).toHaveAccessibleDescription(/Password does not conform to the account password policy\./);
    await page.screenshot({ path: "/tmp/signin-change-password-violation.png" });
    await expectNoSeriousA11yViolations(page, "/change-password (PasswordPolicyViolation)");

    await input(page, "newPassword").fill(NEXT);
    await input(page, "confirmPassword").fill(NEXT);
    await page.getByTestId("change-password-submit").click();
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(`^${userName} @ `) })).toBeVisible();
    expect((await iam.send(new GetLoginProfileCommand({ UserName: userName }))).LoginProfile?.PasswordResetRequired).toBe(false);

    // The session no longer requires a reset, and the new password signs in.
    await page.goto("/users");
    await expect(page).toHaveURL(/\/users$/);
    // Off the console first: a console page whose session cookie vanishes sends itself to sign-in, and that navigation
    // can abort the test's own (seen once: net::ERR_ABORTED on /signin).
    await leaveConsole(page);
    await page.context().clearCookies();
    await signInAsIamUser(page, userName, NEXT);
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
  } finally {
    await cleanup();
  }
});

test("an IAM user reaches change password from the header menu; AWS's refusal is shown", async ({ page, iam, unique }) => {
  const userName = unique("menu-pw");
  const cleanup = await consoleUser(page, iam, userName, false);
  try {
    await signInAsIamUser(page, userName, INITIAL);
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    await openAccountMenu(page, new RegExp(`^${userName} @ `));
    await page.screenshot({ path: "/tmp/signin-user-menu.png" });
    await page.getByRole("menuitem", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/change-password$/);
    await page.locator("form[data-hydrated]").waitFor();
    await input(page, "oldPassword").fill("Not-the-Passw0rd!");
    await input(page, "newPassword").fill(NEXT);
    await input(page, "confirmPassword").fill(NEXT);
    await page.getByTestId("change-password-submit").click();
    await expect(
      page.getByText("Either the new password does not conform to the account password policy or the old password was incorrect."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
  } finally {
    await cleanup();
  }
});
