import { DescribeAccountCommand } from "@aws-sdk/client-organizations";
import { test } from "./fixtures";
import { ensureOrganization, expect, managementClient, treeAction, treeRow } from "./organizations-support";

// One story, in order: the account created here is used by the steps after it (the organization's quota is 10
// accounts for the whole run, and a created account stays in it for its 4-day wait period).
test.describe.configure({ mode: "serial", timeout: 240_000 });

const org = managementClient();
const state = { rootId: "", ou: "", dev: "", accountId: "" };

test.beforeAll(async () => {
  state.rootId = await ensureOrganization(org);
  const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  state.ou = `Workloads-${u}`;
  state.dev = `Dev-${u}`;
});

test("creates an OU under the root from the AWS accounts page", async ({ page }) => {
  await page.goto("/organizations/accounts");
  await expect(page.getByRole("heading", { name: /AWS accounts/ })).toBeVisible();
  await treeAction(page, "Root", "Create new");
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("create-ou-submit").click();
  await expect(dialog.getByText("Enter a name for the organizational unit.")).toBeVisible();
  await dialog.getByTestId("ou-name").locator("input").fill(state.ou);
  await dialog.getByTestId("create-ou-submit").click();
  await expect(page.getByText(`Organizational unit ${state.ou} (`)).toBeVisible();
  await expect(treeRow(page, state.ou)).toBeVisible();
});

test("creates an AWS account and follows CreateAccount until it succeeds", async ({ page }) => {
  // CreateAccount answers IN_PROGRESS; the first status polls are held at IN_PROGRESS here, so the progress item is
  // seen whatever the machine's speed, then the real answers go through.
  let held = 0;
  let release = false;
  await page.route("**/api/organizations/create-account-status/car-*", async (route) => {
    const response = await route.fetch();
    const status = await response.json();
    if (release) return route.fulfill({ response });
    held++;
    await route.fulfill({ response, json: { ...status, state: "IN_PROGRESS", accountId: undefined } });
  });
  await page.goto("/organizations/accounts/add");
  await page.getByTestId("account-name").locator("input").fill(state.dev);
  await page.getByTestId("account-email").locator("input").fill(`${state.dev.toLowerCase()}@example`);
  await page.getByTestId("create-account-submit").click();
  await expect(page.getByText("Enter a valid email address, such as name@example.com.")).toBeVisible();
  await page.getByTestId("account-email").locator("input").fill(`${state.dev.toLowerCase()}@example.com`);
  await expect(page.getByTestId("account-role-name").locator("input")).toHaveValue("OrganizationAccountAccessRole");
  await page.getByTestId("create-account-submit").click();

  await expect(page).toHaveURL(/\/organizations\/accounts$/);
  await expect(page.getByText(`Creating AWS account ${state.dev}`, { exact: true })).toBeVisible();
  await expect.poll(() => held).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: test.info().outputPath("create-account-in-progress.png") });
  release = true;

  const done = page.getByText(new RegExp(`^AWS account ${state.dev} \\((\\d{12})\\) was created and added to your organization\\.$`));
  await expect(done).toBeVisible();
  state.accountId = (await done.textContent())!.match(/\((\d{12})\)/)![1];
  const row = treeRow(page, state.dev);
  await expect(row).toContainText(state.accountId);
  await expect(row).toContainText(`${state.dev.toLowerCase()}@example.com`);
  await expect(row).toContainText("Created");
  await expect(row).toContainText("Active");
  const { Account } = await org.send(new DescribeAccountCommand({ AccountId: state.accountId }));
  expect(Account?.JoinedMethod).toBe("CREATED");
  await page.screenshot({ path: test.info().outputPath("accounts-tree.png"), fullPage: true });
});

test("moves the account into the OU, and AWS's refusals are shown in its words", async ({ page }) => {
  await page.goto("/organizations/accounts");
  await treeAction(page, state.dev, "Move");
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("move-destination").click();
  await page.getByRole("option", { name: new RegExp(`Root / ${state.ou}`) }).click();
  await dialog.getByTestId("move-account-submit").click();
  await expect(page.getByText(`AWS account ${state.dev} was moved to Root / ${state.ou}.`)).toBeVisible();

  await page.getByRole("link", { name: state.dev, exact: true }).click();
  await expect(page.getByRole("heading", { name: state.dev, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^${state.ou} \\(ou-`) })).toBeVisible();

  // A created account can't leave during its wait period.
  await page.getByRole("button", { name: "Remove from organization" }).click();
  await page.getByTestId("remove-account-confirm").click();
  await expect(page.getByRole("dialog")).toContainText("ConstraintViolation");
  await expect(page.getByRole("dialog")).toContainText("This operation requires a wait period. Try again later.");
  await page.screenshot({ path: test.info().outputPath("remove-account-wait-period.png") });
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // An OU with an account in it can't be deleted.
  await page.getByRole("link", { name: new RegExp(`^${state.ou} \\(ou-`) }).click();
  await expect(page.getByRole("heading", { name: state.ou, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByTestId("typed-confirm-input").locator("input").fill(state.ou);
  await page.getByTestId("delete-ou-confirm").click();
  await expect(page.getByRole("dialog")).toContainText("OrganizationalUnitNotEmpty");
  await expect(page.getByRole("dialog")).toContainText(
    "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.",
  );
  await page.screenshot({ path: test.info().outputPath("delete-ou-not-empty.png") });
});

test("renames the OU and closes the account after typing its ID", async ({ page }) => {
  await page.goto("/organizations/accounts");
  await treeAction(page, state.ou, "Rename");
  const renamed = `${state.ou}-renamed`;
  await page.getByTestId("ou-new-name").locator("input").fill(renamed);
  await page.getByTestId("rename-ou-submit").click();
  await expect(page.getByText(`Organizational unit ${state.ou} was renamed to ${renamed}.`)).toBeVisible();
  await expect(treeRow(page, renamed)).toBeVisible();
  state.ou = renamed;

  await treeAction(page, state.dev, "Close");
  const confirm = page.getByTestId("close-account-confirm");
  await expect(confirm).toBeDisabled();
  await page.getByTestId("typed-confirm-input").locator("input").fill(state.accountId);
  await confirm.click();
  await expect(page.getByText(`AWS account ${state.dev} (${state.accountId}) is closing.`, { exact: false })).toBeVisible();
  await expect(treeRow(page, state.dev)).toContainText(/Pending closure|Suspended/);
  const status = await org.send(new DescribeAccountCommand({ AccountId: state.accountId }));
  expect(["PENDING_CLOSURE", "SUSPENDED"]).toContain(status.Account?.State);
});

test("an account whose email another account has fails, and AWS's reason is told in words", async ({ page }) => {
  const name = `Taken-${state.dev.slice(4)}`;
  await page.goto("/organizations/accounts/add");
  await page.getByTestId("account-name").locator("input").fill(name);
  await page.getByTestId("account-email").locator("input").fill(process.env.E2E_ROOT_EMAIL!);
  await page.getByTestId("create-account-submit").click();
  await expect(page.getByText(`Couldn't create AWS account ${name}`)).toBeVisible();
  await expect(
    page.getByText(
      "EMAIL_ALREADY_EXISTS: The account could not be created because another Amazon Web Services account with that email address already exists.",
    ),
  ).toBeVisible();
  await expect(treeRow(page, name)).toHaveCount(0);
});
