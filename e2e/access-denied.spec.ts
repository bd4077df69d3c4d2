import {
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DetachUserPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { leaveConsole, signInAsIamUser } from "./support/sign-in";
import { createError, submitBareUser } from "./users-create-helpers";

// Generous waits: a dev server compiles each page and route on first use.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "Read-only-Passw0rd!";
const READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
const ACCOUNT = "000000000000";

/** A console user with the given managed policies; removed (policies detached first, as IAM requires) afterwards. */
async function withConsoleUser(page: Page, iam: IAMClient, userName: string, policyArns: string[], run: () => Promise<void>) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  for (const PolicyArn of policyArns) await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
  try {
    await run();
  } finally {
    await leaveConsole(page);
    for (const PolicyArn of policyArns) await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn }));
    await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  }
}

test("a read-only user sees the lists, and creating a user fails with AWS's AccessDenied where it happened", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("ro-user");
  const attempted = unique("ro-new");
  await withConsoleUser(page, iam, userName, [READ_ONLY], async () => {
    await signInAsIamUser(page, userName, PASSWORD);
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    await expect(page.getByTestId("count-users")).toHaveText(/^\d+$/);

    await page.goto("/users");
    await page.getByPlaceholder("Search users by name or ARN").fill(userName);
    await expect(page.getByRole("link", { name: userName })).toBeVisible();

    await page.getByRole("button", { name: "Create user", exact: true }).click();
    await submitBareUser(page, attempted);
    await expect(createError(page)).toHaveText(
      `User: arn:aws:iam::${ACCOUNT}:user/${userName} is not authorized to perform: iam:CreateUser on resource: ` +
        `arn:aws:iam::${ACCOUNT}:user/${attempted} because no identity-based policy allows the iam:CreateUser action`,
    );
    await page.screenshot({ path: "/tmp/access-denied-create-user.png", fullPage: true });
    await expectNoSeriousA11yViolations(page, "/users/create (AccessDenied)");
  });
});

test("a user with no permissions: denied dashboard cards and lists show AWS's message, the console keeps working", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("none-user");
  await withConsoleUser(page, iam, userName, [], async () => {
    await signInAsIamUser(page, userName, PASSWORD);
    await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
    const denied = (action: string, resource: string) =>
      `User: arn:aws:iam::${ACCOUNT}:user/${userName} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
    await expect(page.getByText(denied("iam:GetAccountSummary", "*")).first()).toBeVisible();
    await expect(page.getByText(denied("iam:ListAccountAliases", "*")).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/access-denied-dashboard.png", fullPage: true });
    await expectNoSeriousA11yViolations(page, "/ (AccessDenied cards)");

    await page.goto("/users");
    await expect(page.getByText(denied("iam:ListUsers", `arn:aws:iam::${ACCOUNT}:user/`))).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/users (AccessDenied)");
    await page.goto("/simulator");
    await expect(page.getByRole("heading", { name: "Policy simulator", level: 1 })).toBeVisible();
  });
});
