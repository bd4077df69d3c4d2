import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  GetGroupCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsForUserCommand,
} from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { createPolicy, createUsers, selectRow, shot } from "./groups-support";

test("creates a group with two users and a managed policy, then shows it in the list and in its tabs", async ({ page, iam, unique }) => {
  const prefix = unique("gc");
  const users = [`${prefix}-ann`, `${prefix}-bob`];
  await createUsers(iam, users);
  const policyName = `${prefix}-pol`;
  const policyArn = await createPolicy(iam, policyName);
  const groupName = `${prefix}+ops@team`;

  await page.goto("/groups/create");
  await expect(page.getByRole("heading", { name: "Create user group" })).toBeVisible();
  await page.getByLabel("User group name").fill(groupName);
  await page.getByPlaceholder("Search users by name or ARN").fill(prefix);
  for (const u of users) await page.getByRole("checkbox", { name: `Select user ${u}` }).check();
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await selectRow(page, page.locator("body"), policyName);
  await expect(page.getByRole("heading", { name: /^Add users to the group - Optional \(2\/[\d,]+\)$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Attach permissions policies - Optional \(1\/[\d,]+\)$/ })).toBeVisible();
  await shot(page, "create-filled");
  await page.getByTestId("create-group-submit").click();

  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByText(`User group ${groupName} created.`)).toBeVisible();
  await page.getByPlaceholder("Search groups by name").fill(prefix);
  const row = page.getByRole("row").filter({ hasText: groupName });
  await expect(row).toContainText("Defined");
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");
  await shot(page, "list");

  const group = await iam.send(new GetGroupCommand({ GroupName: groupName }));
  expect(group.Users!.map((u) => u.UserName).sort()).toEqual(users);
  const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }));
  expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([policyArn]);

  await row.getByRole("link", { name: groupName }).click();
  await expect(page.getByRole("heading", { name: groupName, level: 1 })).toBeVisible();
  await expect(page.getByText(group.Group!.Arn!)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Users (2)" })).toBeVisible();
  for (const u of users) await expect(page.getByRole("link", { name: u })).toBeVisible();
  await shot(page, "detail-users");
  await page.getByRole("tab", { name: "Permissions" }).click();
  await expect(page.getByRole("row").filter({ hasText: policyName })).toContainText("Customer managed");
  await expect(page).toHaveURL(/section=permissions/);
  await shot(page, "detail-permissions");
  await page.getByRole("tab", { name: "Access Advisor" }).click();
  await expect(page.getByTestId("access-advisor-services").getByRole("row", { name: /Amazon S3/ })).toContainText(
    "Not accessed in the tracking period",
  );
});

test("an invalid group name is reported next to the field as it is typed", async ({ page }) => {
  await page.goto("/groups/create");
  const field = page.getByTestId("group-name-field");
  await page.getByLabel("User group name").fill("bad name!");
  await expect(field).toContainText("Use alphanumeric and '+=,.@-_' characters.");
  await page.getByLabel("User group name").fill("x".repeat(129));
  await expect(field).toContainText("The group name can have up to 128 characters.");
  await page.getByLabel("User group name").fill("");
  await expect(field).toContainText("Enter a group name.");
  await page.getByLabel("User group name").fill("fine-name");
  await expect(field).not.toContainText("Enter a group name.");
  await page.getByLabel("User group name").fill("bad name!");
  await page.getByTestId("create-group-submit").click();
  await expect(page).toHaveURL(/\/groups\/create$/);
  await shot(page, "create-invalid");
});

test("a duplicate group name shows IAM's EntityAlreadyExists message next to the name", async ({ page, iam, unique }) => {
  const groupName = unique("gdup");
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await page.goto("/groups/create");
  await page.getByLabel("User group name").fill(groupName.toUpperCase());
  await page.getByTestId("create-group-submit").click();
  await expect(page.getByTestId("group-name-field")).toContainText(`Group with name ${groupName.toUpperCase()} already exists.`);
  await shot(page, "create-duplicate");
});

test("a user already in 10 groups makes IAM refuse with LimitExceeded, and nothing of the new group is left", async ({
  page,
  iam,
  unique,
}) => {
  const prefix = unique("glim");
  const busy = `${prefix}-busy`;
  const free = `${prefix}-free`;
  await createUsers(iam, [busy, free]);
  for (let i = 0; i < 10; i++) {
    await iam.send(new CreateGroupCommand({ GroupName: `${prefix}-g${i}` }));
    await iam.send(new AddUserToGroupCommand({ GroupName: `${prefix}-g${i}`, UserName: busy }));
  }
  const groupName = `${prefix}-new`;
  await page.goto("/groups/create");
  await page.getByLabel("User group name").fill(groupName);
  await page.getByPlaceholder("Search users by name or ARN").fill(prefix);
  for (const u of [busy, free]) await page.getByRole("checkbox", { name: `Select user ${u}` }).check();
  await page.getByTestId("create-group-submit").click();
  await expect(page.getByText("LimitExceeded: Cannot exceed quota for GroupsPerUser: 10")).toBeVisible();
  await expect(page.getByText(`Couldn't add user ${busy}: Cannot exceed quota for GroupsPerUser: 10`)).toBeInViewport();
  await shot(page, "create-limit");
  await expect(iam.send(new GetGroupCommand({ GroupName: groupName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  const groups = await iam.send(new ListGroupsForUserCommand({ UserName: free }));
  expect(groups.Groups).toEqual([]);
});
