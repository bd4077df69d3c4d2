import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
} from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { createPolicy, createUsers, fillEditor, groupUrl, selectRow, shot } from "./groups-support";
import { matchesCount, setPageSize, shownNames, sortBy } from "./lists-support";

test("adds users to a group and removes one", async ({ page, iam, unique }) => {
  const prefix = unique("gu");
  const [ann, bob, cat] = [`${prefix}-ann`, `${prefix}-bob`, `${prefix}-cat`];
  await createUsers(iam, [ann, bob, cat]);
  const groupName = `${prefix}-g`;
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: ann }));

  await page.goto(groupUrl(groupName));
  await expect(page.getByRole("tab", { name: "Users (1)" })).toBeVisible();
  await page.getByRole("button", { name: "Add users" }).first().click();
  const modal = page.getByRole("dialog");
  await modal.getByPlaceholder("Search users by name or ARN").fill(prefix);
  await expect(modal.getByRole("row").filter({ hasText: ann })).toContainText("Already a member");
  await modal.getByRole("checkbox", { name: `Select user ${bob}` }).check();
  await modal.getByRole("checkbox", { name: `Select user ${cat}` }).check();
  await shot(page, "add-users");
  await modal.getByTestId("add-users-confirm").click();
  await expect(page.getByText(`Added 2 users to ${groupName}.`)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Users (3)" })).toBeVisible();

  await page.getByRole("checkbox", { name: `Select member ${bob}` }).check();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText(`Removed ${bob} from ${groupName}.`)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Users (2)" })).toBeVisible();
  await expect(page.getByRole("link", { name: bob })).toHaveCount(0);
  const members = (await iam.send(new GetGroupCommand({ GroupName: groupName }))).Users!.map((u) => u.UserName).sort();
  expect(members).toEqual([ann, cat]);
});

test("the Users tab counts every member, and filters, sorts and pages the whole list", async ({ page, iam, unique }) => {
  const prefix = unique("gm");
  const groupName = `${prefix}-g`;
  const names = Array.from({ length: 27 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await createUsers(iam, names);
  for (const UserName of names) await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName }));
  const table = page.getByTestId("group-users-table");

  await page.goto(groupUrl(groupName));
  await expect(page.getByRole("tab", { name: "Users (27)" })).toBeVisible();
  await expect(table.getByRole("heading", { level: 2 })).toHaveText("Users in this group (27)");
  await setPageSize(page, table, "10 users");
  await expect.poll(() => shownNames(table)).toEqual(names.slice(0, 10));
  await table.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => shownNames(table)).toEqual(names.slice(10, 20));
  await sortBy(table, "User name", "descending");
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(0, 10));
  await table.getByRole("button", { name: "Page 3", exact: true }).click();
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(20));
  await table.getByRole("checkbox", { name: `Select member ${names[0]}` }).check();
  await expect(table.getByRole("heading", { level: 2 })).toHaveText("Users in this group (1/27)");
  await shot(page, "members-page-3");

  await table.getByPlaceholder("Search users by name or ARN").fill(`${prefix}-1`.toUpperCase());
  await expect(matchesCount(table, "10 matches")).toBeVisible();
  await expect.poll(() => shownNames(table)).toEqual(names.slice(10, 20).toReversed());
  await shot(page, "members-filtered");
  await table.getByPlaceholder("Search users by name or ARN").fill(`${prefix}-nobody`);
  await expect(table.getByText("No users match the filter.")).toBeVisible();
  await expect(matchesCount(table, "0 matches")).toBeVisible();
  await shot(page, "members-no-match");
});

test("attaches a managed policy to a group and detaches it", async ({ page, iam, unique }) => {
  const prefix = unique("gp");
  const groupName = `${prefix}-g`;
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  const policyName = `${prefix}-pol`;
  const policyArn = await createPolicy(iam, policyName);

  await page.goto(groupUrl(groupName, "?section=permissions"));
  await expect(page.getByText("No permissions policies attached")).toBeVisible();
  await page.getByRole("button", { name: "Add permissions" }).click();
  await page.getByRole("menuitem", { name: "Attach policies" }).click();
  await expect(page.getByRole("heading", { name: `Attach permission policies to ${groupName}` })).toBeVisible();
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await selectRow(page, page.locator("body"), policyName);
  await shot(page, "attach");
  await page.getByTestId("attach-policies-submit").click();
  await expect(page.getByText(`Attached 1 policy to ${groupName}.`)).toBeVisible();
  await expect(page).toHaveURL(/section=permissions/);
  const row = page.getByRole("row").filter({ hasText: policyName });
  await expect(row).toContainText("Customer managed");
  expect(
    (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }))).AttachedPolicies!.map((p) => p.PolicyArn),
  ).toEqual([policyArn]);

  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText(`Removed ${policyName} from ${groupName}.`)).toBeVisible();
  await expect(page.getByText("No permissions policies attached")).toBeVisible();
  expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }))).AttachedPolicies).toEqual([]);
});

test("an inline policy with a malformed document is not sent: its finding and the reason are shown; a valid one is created", async ({
  page,
  iam,
  unique,
}) => {
  const groupName = unique("gi");
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await page.goto(groupUrl(groupName, "/create-inline-policy"));
  await page.getByLabel("Policy name").fill("bad name!");
  await expect(page.getByTestId("inline-policy-name-field")).toContainText("Use alphanumeric and '+=,.@-_' characters.");
  await page.getByLabel("Policy name").fill("ReadBuckets");

  await fillEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets"}]}');
  await expect(page.getByTestId("policy-finding").first()).toBeVisible();
  await page.getByTestId("inline-policy-submit").click();
  await expect(page.getByTestId("policy-errors-blocked").first()).toHaveText("Resolve the errors in the policy before you continue.");
  await expect(page.getByTestId("policy-finding").first()).toContainText("Policy statement must contain resources.");
  await expect(page.getByTestId("inline-policy-error")).toHaveCount(0);
  await shot(page, "inline-malformed");
  expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName }))).PolicyNames).toEqual([]);

  await fillEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}');
  await expect(page.getByText("No errors. The policy matches the IAM policy grammar.")).toBeVisible();
  await page.getByTestId("inline-policy-submit").click();
  await expect(page.getByText("Policy ReadBuckets created.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "ReadBuckets" });
  await expect(row).toContainText("Customer inline");
  const stored = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: "ReadBuckets" }));
  expect(JSON.parse(decodeURIComponent(stored.PolicyDocument!)).Statement[0].Action).toBe("s3:ListAllMyBuckets");

  await row.getByRole("link", { name: "ReadBuckets" }).click();
  await expect(page.getByRole("heading", { name: "Edit ReadBuckets" })).toBeVisible();
  await expect(page.getByTestId("policy-editor")).toContainText("s3:ListAllMyBuckets");
  await fillEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}');
  await shot(page, "inline-edit");
  await page.getByTestId("inline-policy-submit").click();
  await expect(page.getByText("Policy ReadBuckets updated.")).toBeVisible();
  const updated = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: "ReadBuckets" }));
  expect(JSON.parse(decodeURIComponent(updated.PolicyDocument!)).Statement[0].Action).toBe("s3:ListBucket");

  await page.getByRole("row").filter({ hasText: "ReadBuckets" }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText("No permissions policies attached")).toBeVisible();
  expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName }))).PolicyNames).toEqual([]);
});

test("deleting a group with members and policies removes them first, from the group's page", async ({ page, iam, unique }) => {
  const prefix = unique("gd");
  const groupName = `${prefix}-g`;
  const users = [`${prefix}-ann`, `${prefix}-bob`];
  await createUsers(iam, users);
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  for (const u of users) await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: u }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: await createPolicy(iam, `${prefix}-pol`) }));
  await page.goto(groupUrl(groupName));
  await expect(page.getByRole("tab", { name: "Users (2)" })).toBeVisible();
  await page.getByTestId("delete-group").click();
  const modal = page.getByRole("dialog");
  await expect(modal).toContainText("2 users, 1 managed policy, 0 inline policies");
  await expect(modal.getByTestId("delete-confirm")).toBeDisabled();
  await modal.getByTestId("delete-confirm-input").locator("input").fill(groupName);
  await shot(page, "delete-one");
  await modal.getByTestId("delete-confirm").click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByText(`User group ${groupName} deleted.`)).toBeVisible();
  await expect(iam.send(new GetGroupCommand({ GroupName: groupName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
});

test("deleting several groups shows progress and reports each failure in AWS's words", async ({ page, iam, unique }) => {
  const prefix = unique("gb");
  const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
  await createUsers(iam, [`${prefix}-u`]);
  for (const g of names) await iam.send(new CreateGroupCommand({ GroupName: g }));
  await iam.send(new AddUserToGroupCommand({ GroupName: names[0], UserName: `${prefix}-u` }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: names[1], PolicyArn: await createPolicy(iam, `${prefix}-pol`) }));
  await page.goto("/groups");
  await page.getByPlaceholder("Search groups by name").fill(prefix);
  for (const g of names) await page.getByRole("checkbox", { name: `Select ${g}`, exact: true }).check();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const modal = page.getByRole("dialog");
  await expect(modal).toContainText("Delete 3 user groups?");
  await modal.getByTestId("delete-confirm-input").locator("input").fill("delete");
  await shot(page, "delete-several");
  // Deleted behind the console's back: its DeleteGroup fails with NoSuchEntity, which must be reported.
  await iam.send(new DeleteGroupCommand({ GroupName: names[2] }));
  await page.route("**/api/groups/*", async (route) => {
    if (route.request().method() === "DELETE") await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await modal.getByTestId("delete-confirm").click();
  await expect(page.getByText("Deleting 3 user groups")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Deletion progress" })).toBeVisible();
  await shot(page, "delete-several-progress");
  await expect(page.getByText("Couldn't delete 1 of 3 user groups")).toBeVisible();
  await expect(page.getByTestId("failure-list")).toContainText(
    `${names[2]}: NoSuchEntity: The group with name ${names[2]} cannot be found.`,
  );
  await shot(page, "delete-several-result");
  for (const g of names) await expect(page.getByRole("link", { name: g })).toHaveCount(0);
});
