import { test, expect as baseExpect } from "./fixtures";
import {
  accountMenu,
  ACCOUNT,
  SHOWN_ACCOUNT,
  consoleUser,
  READ_ONLY,
  readOnlyRole,
  signInAs,
  standaloneAccount,
  switchField,
} from "./switch-role-support";
import { createError, submitBareUser } from "./users-create-helpers";
import { CreateUserCommand, DeleteRoleCommand, DetachRolePolicyCommand } from "@aws-sdk/client-iam";

// Generous waits: a dev server compiles each page and route on first use.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ storageState: { cookies: [], origins: [] } });

test("a user switches into a role of another account that trusts it, acts as the role session, and switches back", async ({
  page,
  iam,
  unique,
}) => {
  const other = await standaloneAccount();
  const userName = unique("switcher");
  const roleName = unique("partner-read");
  const theirUser = unique("partner-user");
  const attempted = unique("not-allowed");
  await consoleUser(iam, userName, `arn:aws:iam::${other.accountId}:role/*`);
  await readOnlyRole(other.iam, roleName, `arn:aws:iam::${ACCOUNT}:root`);
  await other.iam.send(new CreateUserCommand({ UserName: theirUser }));
  const display = `${roleName} @ ${other.accountId}`;

  await signInAs(page, userName);
  await page.locator("#top-nav").screenshot({ path: "/tmp/switch-role-header-signed-in.png" });

  // The account menu's Switch role.
  await accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`).click();
  await page.getByRole("menuitem", { name: "Switch role" }).click();
  await expect(page).toHaveURL(/\/switch-role$/);
  await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
  await switchField(page, "account").fill(other.accountId);
  await switchField(page, "role-name").fill(roleName);
  await expect(switchField(page, "display-name")).toHaveValue(display);
  await page.getByRole("radio", { name: "Green" }).check();
  await page.screenshot({ path: "/tmp/switch-role-page-filled.png", fullPage: true });
  await page.getByTestId("switch-role-submit").click();

  // The console now acts as the role session: the header shows the display name in its colour.
  await expect(page).toHaveURL(/\/$/);
  const switched = accountMenu(page, display);
  await expect(switched).toBeVisible({ timeout: 90_000 });
  await expect(page.locator("[data-role-color=green]")).toBeAttached();
  const label = switched.locator("[class*=awsui_text_]").first();
  await expect(label).toHaveCSS("background-color", "rgb(183, 202, 157)");
  await page.locator("#top-nav").screenshot({ path: "/tmp/switch-role-header-switched.png" });

  // The other account's users, listed by the role session.
  await page.goto("/users");
  await page.getByPlaceholder("Search users by name or ARN").fill(theirUser);
  await expect(page.getByRole("link", { name: theirUser })).toBeVisible();
  await page.getByPlaceholder("Search users by name or ARN").fill(userName);
  await expect(page.getByRole("link", { name: userName })).toHaveCount(0);

  // What the role doesn't allow is refused with AWS's words, naming the role session.
  await page.getByRole("button", { name: "Create user", exact: true }).click();
  await submitBareUser(page, attempted);
  await expect(createError(page)).toHaveText(
    `User: arn:aws:sts::${other.accountId}:assumed-role/${roleName}/${userName} is not authorized to perform: iam:CreateUser ` +
      `on resource: arn:aws:iam::${other.accountId}:user/${attempted} because no identity-based policy allows the iam:CreateUser action`,
  );

  // The menu: who is active, who signed in, the role in the history, Switch back.
  await switched.click();
  const menu = page.getByRole("menu");
  await expect(menu.getByText("Currently active as")).toBeVisible();
  await expect(
    menu.getByRole("menuitem", { name: new RegExp(`^Copy ARN arn:aws:sts::${other.accountId}:assumed-role/${roleName}/${userName}`) }),
  ).toBeVisible();
  await expect(menu.getByText(`${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: new RegExp(`^${display}`) })).toBeVisible();
  await page.screenshot({ path: "/tmp/switch-role-menu-switched.png" });
  await menu.getByRole("menuitem", { name: "Switch back" }).click();

  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible({ timeout: 90_000 });
  await expect(page.locator("[data-role-color]")).toHaveCount(0);
  await page.locator("#top-nav").screenshot({ path: "/tmp/switch-role-header-switched-back.png" });

  // Back as the user: the history keeps the role, one click switches to it again.
  await accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`).click();
  await expect(page.getByRole("menu").getByText("Role history")).toBeVisible();
  await page.screenshot({ path: "/tmp/switch-role-menu-history.png" });
  await page
    .getByRole("menu")
    .getByRole("menuitem", { name: new RegExp(`^${display}`) })
    .click();
  await expect(accountMenu(page, display)).toBeVisible({ timeout: 90_000 });

  // Signing out ends both sessions; signing in again starts as the user.
  await accountMenu(page, display).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/switch-role");
  await expect(page).toHaveURL(/\/signin/);
});

test("a role session AWS stops accepting (the role was deleted) switches back by itself, with a flash", async ({ page, iam, unique }) => {
  const other = await standaloneAccount();
  const userName = unique("orphan");
  const roles = [unique("short-lived"), unique("short-lived")];
  await consoleUser(iam, userName, `arn:aws:iam::${other.accountId}:role/*`);
  for (const r of roles) await readOnlyRole(other.iam, r, `arn:aws:iam::${ACCOUNT}:root`);
  const ended = (roleName: string) => page.getByText(`The role session of ${roleName} @ ${other.accountId} has ended.`);

  async function switchThenDelete(roleName: string, { leaveFirst = false } = {}) {
    await page.goto(`/switch-role?account=${other.accountId}&roleName=${roleName}&color=orange`);
    await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
    await page.getByTestId("switch-role-submit").click();
    await expect(accountMenu(page, `${roleName} @ ${other.accountId}`)).toBeVisible({ timeout: 90_000 });
    // A console page left open would notice the ended session itself and reload, which can abort the test's next
    // navigation (net::ERR_ABORTED): leave the console first when the next page is to be the first one opened.
    if (leaveFirst) await page.goto("about:blank");
    await other.iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: READ_ONLY }));
    await other.iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  }

  await signInAs(page, userName);

  // A page's call refused for the role session's credentials (the dashboard's or the users list's, whichever comes
  // first): the page reloads and switches back, with no new sign-in.
  await switchThenDelete(roles[0]);
  await page.getByRole("navigation").getByRole("link", { name: "Users", exact: true }).click();
  await expect(ended(roles[0])).toBeVisible();
  await expect(page.getByText(`You're back as ${userName} @ ${SHOWN_ACCOUNT}.`)).toBeVisible();
  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();
  await page.screenshot({ path: "/tmp/switch-role-ended-flash.png" });

  // A page opened after the role session ended: the same, before any of the page runs.
  await switchThenDelete(roles[1], { leaveFirst: true });
  await page.goto("/groups");
  await expect(ended(roles[1])).toBeVisible();
  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();

  // The session no longer holds the role: the next page is the user's, with no flash.
  await page.reload();
  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();
  await expect(ended(roles[1])).toHaveCount(0);
});

test("a switch made in another tab reloads this one, which then acts as the role too", async ({ page, iam, unique }) => {
  const other = await standaloneAccount();
  const userName = unique("two-tabs");
  const roleName = unique("tabbed");
  await consoleUser(iam, userName, `arn:aws:iam::${other.accountId}:role/*`);
  await readOnlyRole(other.iam, roleName, `arn:aws:iam::${ACCOUNT}:root`);
  const display = `${roleName} @ ${other.accountId}`;

  await signInAs(page, userName);
  await page.goto("/users");
  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible();

  const second = await page.context().newPage();
  await second.goto(`/switch-role?account=${other.accountId}&roleName=${roleName}`);
  await second.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
  await second.getByTestId("switch-role-submit").click();
  await expect(accountMenu(second, display)).toBeVisible({ timeout: 90_000 });

  await page.bringToFront();
  await expect(accountMenu(page, display)).toBeVisible({ timeout: 90_000 });
  await expect(page).toHaveURL(/\/users$/);
});
