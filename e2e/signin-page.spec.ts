import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { field, leaveConsole, openSignIn, signInAsIamUser } from "./support/sign-in";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "Signin-e2e-Passw0rd!";
const INCORRECT = "Your authentication information is incorrect. Please try again.";

async function withConsoleUser(page: Page, iam: IAMClient, userName: string, run: () => Promise<void>) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
  try {
    await run();
  } finally {
    await leaveConsole(page);
    await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  }
}

test("an unauthenticated visit to a console page goes to sign-in", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("empty fields are reported next to each field; a wrong password gets AWS's sign-in failure", async ({ page }) => {
  await openSignIn(page);
  await page.getByTestId("signin-submit").click();
  await expect(field(page, "signin-email")).toHaveAccessibleDescription(/Enter your email address\./);
  await expect(field(page, "signin-password")).toHaveAccessibleDescription(/Enter your password\./);

  await page.getByText("IAM user", { exact: true }).click();
  await page.getByTestId("signin-submit").click();
  await expect(field(page, "signin-account")).toHaveAccessibleDescription(/Enter your account ID or alias\./);
  await expect(field(page, "signin-userName")).toHaveAccessibleDescription(/Enter your IAM user name\./);
  await field(page, "signin-account").fill("Not An Alias");
  await page.getByTestId("signin-submit").click();
  await expect(field(page, "signin-account")).toHaveAccessibleDescription(/Enter a 12-digit account ID or an account alias\./);

  await page.getByText("Root user", { exact: true }).click();
  await field(page, "signin-email").fill(process.env.E2E_ROOT_EMAIL!);
  await field(page, "signin-password").fill("not-the-password");
  await page.getByTestId("signin-submit").click();
  await expect(page.getByText(INCORRECT)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.screenshot({ path: "/tmp/signin-failed.png" });
});

test("an IAM user signs in with the account ID", async ({ page, iam, unique }) => {
  const userName = unique("signin-id");
  await withConsoleUser(page, iam, userName, async () => {
    await signInAsIamUser(page, userName, "wrong-password");
    await expect(page.getByText(INCORRECT)).toBeVisible();
    await signInAsIamUser(page, userName, PASSWORD, "000000000000");
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    await expect(page.getByRole("button", { name: `${userName} @ 0000-0000-0000` })).toBeVisible();
  });
});

test("the account's sign-in URL pre-selects IAM user, and an IAM user signs in with the alias", async ({ page, iam, unique }) => {
  const userName = unique("signin-alias");
  const alias = unique("signin").toLowerCase();
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
  try {
    await withConsoleUser(page, iam, userName, async () => {
      await page.goto(`/signin?account=${alias}`);
      await page.locator("form[data-hydrated]").waitFor({ timeout: 60_000 });
      await expect(field(page, "signin-account")).toHaveValue(alias);
      await expect(page.getByRole("radio", { name: /IAM user/ })).toBeChecked();
      await page.screenshot({ path: "/tmp/signin-account-url.png" });
      await field(page, "signin-userName").fill(userName);
      await field(page, "signin-password").fill(PASSWORD);
      await page.getByTestId("signin-submit").click();
      await expect(page.getByRole("button", { name: `${userName} @ ${alias}` })).toBeVisible();
    });
  } finally {
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  }
});
