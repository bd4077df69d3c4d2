import { test, expect as baseExpect } from "./fixtures";
import { accountMenu, ACCOUNT, consoleUser, READ_ONLY, readOnlyRole, signInAs, switchField } from "./switch-role-support";

const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ storageState: { cookies: [], origins: [] } });

test("the role page's 'Link to switch roles in console' opens this console's Switch role page, pre-filled", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("linker");
  const roleName = unique("dev");
  await consoleUser(iam, userName, `arn:aws:iam::${ACCOUNT}:role/job-function/*`, [READ_ONLY]);
  await readOnlyRole(iam, roleName, `arn:aws:iam::${ACCOUNT}:root`, { path: "/job-function/" });
  const display = `${roleName} @ ${ACCOUNT}`;

  await signInAs(page, userName);
  await page.goto(`/roles/details/${roleName}`);
  const link = page.getByTestId("switch-role-link");
  await expect(link).toContainText("/switch-role?");
  const href = (await link.textContent())!.trim();
  const url = new URL(href);
  expect(url.origin).toBe(new URL(page.url()).origin);
  expect(url.pathname).toBe("/switch-role");
  expect(Object.fromEntries(url.searchParams)).toEqual({ account: ACCOUNT, roleName: `job-function/${roleName}`, displayName: display });
  await page.screenshot({ path: "/tmp/switch-role-link-role-page.png" });

  await page.goto(href);
  await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
  await expect(switchField(page, "account")).toHaveValue(ACCOUNT);
  await expect(switchField(page, "role-name")).toHaveValue(`job-function/${roleName}`);
  await expect(switchField(page, "display-name")).toHaveValue(display);
  await page.screenshot({ path: "/tmp/switch-role-link-prefilled.png", fullPage: true });

  // The same account's role with a path: the switch works from the link as it is.
  await page.getByTestId("switch-role-submit").click();
  await expect(accountMenu(page, display)).toBeVisible({ timeout: 90_000 });
});

test("the link's colour and display name fill the page too, as AWS's switchrole link does", async ({ page, iam, unique }) => {
  const userName = unique("linker");
  await consoleUser(iam, userName, `arn:aws:iam::${ACCOUNT}:role/*`);
  await signInAs(page, userName);
  await page.goto("/switch-role?account=partner-account&roleName=ops/admin&displayName=Production&color=f2b0a9");
  await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
  await expect(switchField(page, "account")).toHaveValue("partner-account");
  await expect(switchField(page, "role-name")).toHaveValue("ops/admin");
  await expect(switchField(page, "display-name")).toHaveValue("Production");
  await expect(page.getByRole("radio", { name: "Red" })).toBeChecked();
});
