import { ListRootsCommand, RemoveAccountFromOrganizationCommand } from "@aws-sdk/client-organizations";
import { test } from "./fixtures";
import {
  ensureOrganization,
  expect,
  joinOrganization,
  managementClient,
  signInAsAccountRoot,
  standaloneAccount,
  treeRow,
} from "./organizations-support";

test.describe.configure({ timeout: 240_000 });

test("an account in no organization creates one from the landing page, and deletes it once it is empty", async ({ browser }) => {
  const owner = await standaloneAccount("entry");
  const page = await signInAsAccountRoot(browser, owner.email);
  await page.goto("/organizations");
  await expect(page.getByRole("heading", { name: "Create an organization" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("create-organization.png") });

  await page.getByTestId("create-organization").click();
  await expect(page.getByText(/^You successfully created an AWS organization \(o-[a-z0-9]+\)/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /AWS accounts/ })).toBeVisible();
  await expect(treeRow(page, owner.name)).toContainText("management account");
  // As AWS's console does, creating the organization enables SCPs on its root (the API alone enables none).
  const { Roots } = await owner.org.send(new ListRootsCommand({}));
  expect(Roots![0].PolicyTypes).toEqual([{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }]);
  await page.getByRole("link", { name: "Policies", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "Service control policies" })).toContainText("Enabled");

  const member = await standaloneAccount("entry-member");
  await joinOrganization(owner.org, member);
  await page.goto("/organizations/settings");
  const orgId = (await page
    .getByText(/^o-[a-z0-9]{10,32}$/)
    .first()
    .textContent())!;
  await page.getByTestId("delete-organization").click();
  await page.getByTestId("typed-confirm-input").locator("input").fill(orgId);
  await page.getByTestId("delete-organization-confirm").click();
  await expect(page.getByRole("dialog")).toContainText("OrganizationNotEmpty");
  await expect(page.getByRole("dialog")).toContainText(
    "To delete an organization you must first remove all member accounts (except the master).",
  );
  await page.screenshot({ path: test.info().outputPath("delete-organization-not-empty.png") });

  await owner.org.send(new RemoveAccountFromOrganizationCommand({ AccountId: member.accountId }));
  await page.getByTestId("delete-organization-confirm").click();
  await expect(page.getByText(`Organization ${orgId} was deleted.`, { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create an organization" })).toBeVisible();
  await page.context().close();
});

test("a member account is refused the management account's pages in AWS's words, and can leave", async ({ browser }) => {
  await ensureOrganization(managementClient());
  const member = await standaloneAccount("member");
  await joinOrganization(managementClient(), member);
  const page = await signInAsAccountRoot(browser, member.email);

  await page.goto("/organizations/accounts");
  const error = page.getByTestId("tree-error");
  await expect(error).toContainText("AccessDenied");
  await expect(error).toContainText("You don't have permissions to access this resource.");
  await page.screenshot({ path: test.info().outputPath("member-access-denied.png") });

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByText("Management account ID")).toBeVisible();
  await page.getByTestId("leave-organization").click();
  await page.getByTestId("leave-organization-confirm").click();
  await expect(page.getByText("Your account left the organization. It is a standalone account now.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create an organization" })).toBeVisible();
  await page.context().close();
});

test("invites an existing account by its ID, lists the invitation and cancels it", async ({ page }) => {
  await ensureOrganization(managementClient());
  const invited = await standaloneAccount("invited");
  await page.goto("/organizations/accounts/add");
  // A click before the page has hydrated does nothing: click until the invitation form shows.
  await expect(async () => {
    await page.getByText("Invite an existing AWS account").click();
    await expect(page.getByTestId("invite-target")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("invite-target").locator("input").fill("12345");
  await page.getByTestId("invite-account-submit").click();
  await expect(page.getByText("Enter a 12-digit account ID or an email address.")).toBeVisible();
  await page.getByTestId("invite-target").locator("input").fill(invited.accountId);
  await page.getByTestId("invite-account-submit").click();

  await expect(page).toHaveURL(/\/organizations\/invitations$/);
  await expect(page.getByText(new RegExp(`^An invitation \\(h-[0-9a-z]+\\) was sent to ${invited.accountId}\\.`))).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: invited.accountId });
  await expect(row).toContainText("Open");
  await row.getByRole("radio").check();
  await page.getByTestId("cancel-invitation").click();
  await page.getByTestId("cancel-invitation-confirm").click();
  await expect(page.getByText(new RegExp(`^Invitation h-[0-9a-z]+ to ${invited.accountId} was canceled\\.$`))).toBeVisible();
  await expect(row).toContainText("Canceled");
});
