import { test, expect as baseExpect } from "./fixtures";
import {
  accountMenu,
  ACCOUNT,
  SHOWN_ACCOUNT,
  consoleUser,
  readOnlyRole,
  signInAs,
  standaloneAccount,
  switchField,
} from "./switch-role-support";

const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });

test("the root user is refused on the Switch role page, in the console's words", async ({ page }) => {
  await page.goto("/");
  await accountMenu(page, /^root @/).click();
  await page.getByRole("menuitem", { name: "Switch role" }).click();
  await expect(page).toHaveURL(/\/switch-role$/);
  await expect(page.getByTestId("switch-role-root")).toContainText("You can't switch roles if you sign in as the AWS account root user.");
  await expect(page.getByTestId("switch-role-submit")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/switch-role-root.png", fullPage: true });
});

test.describe("as an IAM user", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a role requiring an external ID can't be switched to: AWS's AccessDenied next to the form", async ({ page, iam, unique }) => {
    const other = await standaloneAccount();
    const userName = unique("vendor-user");
    const roleName = unique("vendor");
    await consoleUser(iam, userName, `arn:aws:iam::${other.accountId}:role/*`);
    await readOnlyRole(other.iam, roleName, `arn:aws:iam::${ACCOUNT}:root`, { externalId: "Unicorn-7" });

    await signInAs(page, userName);
    await page.goto("/switch-role");
    await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
    await switchField(page, "account").fill(other.accountId);
    await switchField(page, "role-name").fill(roleName);
    await page.getByTestId("switch-role-submit").click();
    await expect(page.getByTestId("switch-role-error").filter({ visible: true })).toHaveText(
      `User: arn:aws:iam::${ACCOUNT}:user/${userName} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${other.accountId}:role/${roleName}`,
    );
    await expect(page).toHaveURL(/\/switch-role$/);
    await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();
    await page.screenshot({ path: "/tmp/switch-role-external-id.png", fullPage: true });
  });

  test("bad input is refused before anything is sent, and an unknown alias next to its field", async ({ page, iam, unique }) => {
    const userName = unique("typo-user");
    await consoleUser(iam, userName, "*");
    await signInAs(page, userName);
    await page.goto("/switch-role");
    await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
    await page.getByTestId("switch-role-submit").click();
    await expect(page.getByText("Enter an account ID or alias.")).toBeVisible();
    await expect(page.getByText("Enter the name of the role.")).toBeVisible();
    await switchField(page, "account").fill("-partner");
    await switchField(page, "role-name").fill("/job-function/dev");
    await expect(page.getByText("Enter a 12-digit account ID or an account alias.")).toBeVisible();
    await expect(page.getByText("Enter the role's path without a leading slash, e.g. job-function/dev.")).toBeVisible();
    await page.screenshot({ path: "/tmp/switch-role-invalid.png", fullPage: true });

    await switchField(page, "account").fill("no-such-alias");
    await switchField(page, "role-name").fill("job-function/dev");
    await page.getByTestId("switch-role-submit").click();
    await expect(page.getByText("No account has the alias no-such-alias.")).toBeVisible();
    await page.screenshot({ path: "/tmp/switch-role-unknown-alias.png", fullPage: true });
  });
});
