import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserTagsCommand,
  TagUserCommand,
} from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { fillEditor, openUser } from "./users-detail-support";

// The machine may be shared and slow: these walkthroughs do many round trips each.
test.describe.configure({ timeout: 150_000 });

const S3_READ = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

test("attach and remove a managed policy; set and remove a permissions boundary", async ({ page, iam, unique }) => {
  const userName = unique("ud-perm");
  const policyName = unique("ud-policy");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: S3_READ }));

  await openUser(page, userName);
  await expect(page.getByRole("heading", { name: userName, level: 1 })).toBeVisible();
  await expect(page.getByText("No permissions policies.")).toBeVisible();

  await page.getByRole("button", { name: "Add permissions", exact: true }).click();
  await expect(page).toHaveURL(/\/add-permissions$/);
  await page.getByText("Attach policies directly", { exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText("Choose at least one policy.", { exact: true })).toBeVisible();
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await page
    .getByRole("row", { name: new RegExp(policyName) })
    .getByRole("checkbox")
    .check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("add-permissions-review")).toContainText(policyName);
  await page.screenshot({ path: "/tmp/users-detail-add-permissions-review.png" });
  await page.getByRole("button", { name: "Add permissions", exact: true }).click();

  await expect(page).toHaveURL(/section=permissions/);
  const row = page.getByTestId("permissions-policies").getByRole("row", { name: new RegExp(policyName) });
  await expect(row).toContainText("Customer managed");
  await expect(row).toContainText("Attached directly");
  await page.screenshot({ path: "/tmp/users-detail-permissions.png", fullPage: true });
  const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }));
  expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([Policy!.Arn]);

  await row.getByRole("button", { name: `View ${policyName}` }).click();
  await expect(page.getByTestId("policy-document")).toContainText('"s3:GetObject"');
  await page.screenshot({ path: "/tmp/users-detail-policy-document.png" });
  await page.getByRole("button", { name: "Close", exact: true }).click();

  await row.getByRole("checkbox").check();
  await page.getByTestId("remove-policies").click();
  await page.getByTestId("confirm-remove-policies").click();
  await expect(page.getByText("No permissions policies.")).toBeVisible();
  expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }))).AttachedPolicies).toEqual([]);

  await page.getByTestId("set-boundary-open").click();
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await page
    .getByRole("dialog")
    .getByRole("row", { name: new RegExp(policyName) })
    .getByRole("radio")
    .check();
  await page.getByTestId("set-boundary").click();
  await expect(page.getByTestId("boundary-name")).toHaveText(policyName);
  expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(Policy!.Arn);
  await page.getByRole("button", { name: "Remove boundary" }).click();
  await page.getByTestId("remove-boundary").click();
  await expect(page.getByText("Permissions boundary (not set)")).toBeVisible();
});

test("an inline policy written in the Monaco editor: a live finding keeps it on the editor step, then created", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("ud-inline");
  await iam.send(new CreateUserCommand({ UserName: userName }));

  await openUser(page, userName);
  await page.getByRole("button", { name: "More ways to add permissions" }).click();
  await page.getByRole("menuitem", { name: "Create inline policy" }).click();
  await expect(page).toHaveURL(/\/create-inline-policy$/);

  const malformed = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] });
  await fillEditor(page, malformed);
  const finding = page.getByTestId("policy-finding").first();
  await expect(finding).toBeVisible();
  await page.screenshot({ path: "/tmp/users-detail-inline-editor.png" });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("policy-errors-blocked").first()).toHaveText("Resolve the errors in the policy before you continue.");
  await expect(finding).toContainText("Policy statement must contain resources.");
  await expect(page.getByTestId("inline-policy-name-field")).toHaveCount(0);

  await fillEditor(
    page,
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
  );
  await expect(page.getByText("No errors. The policy matches the IAM policy grammar.")).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const nameInput = page.getByTestId("inline-policy-name-field").locator("input");
  await nameInput.fill("bad name!");
  await expect(page.getByText("Use alphanumeric and '+=,.@-_' characters.", { exact: true })).toBeVisible();
  await nameInput.fill("s3-read");
  await page.getByRole("button", { name: "Create policy", exact: true }).click();

  await expect(page).toHaveURL(/section=permissions/);
  const row = page.getByTestId("permissions-policies").getByRole("row", { name: /s3-read/ });
  await expect(row).toContainText("Customer inline");
  const doc = await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: "s3-read" }));
  expect(JSON.parse(decodeURIComponent(doc.PolicyDocument!)).Statement[0].Resource).toBe("*");

  await row.getByRole("checkbox").check();
  await page.getByTestId("remove-policies").click();
  await page.getByTestId("confirm-remove-policies").click();
  await expect(page.getByText("No permissions policies.")).toBeVisible();
});

test("groups: add the user to a group (its policies show as 'Group <name>'), then remove it", async ({ page, iam, unique }) => {
  const userName = unique("ud-groups");
  const groupName = unique("ud-group");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));

  await openUser(page, userName, "groups");
  await expect(page.getByText("This user isn't in any group.")).toBeVisible();
  await page.getByTestId("add-to-groups-open").click();
  await page.getByPlaceholder("Search groups by name").fill(groupName);
  await page
    .getByRole("dialog")
    .getByRole("row", { name: new RegExp(groupName) })
    .getByRole("checkbox")
    .check();
  await page.getByTestId("add-to-groups").click();
  await expect(page.getByTestId("user-groups").getByRole("link", { name: groupName })).toBeVisible();
  await page.screenshot({ path: "/tmp/users-detail-groups.png" });
  expect((await iam.send(new ListGroupsForUserCommand({ UserName: userName }))).Groups?.map((g) => g.GroupName)).toEqual([groupName]);
  await expect(page.getByTestId("user-groups")).toContainText("ReadOnlyAccess");

  await page.getByRole("tab", { name: "Permissions", exact: true }).click();
  const viaGroup = page.getByTestId("permissions-policies").getByRole("row", { name: /ReadOnlyAccess/ });
  await expect(viaGroup).toContainText(`Group ${groupName}`);
  await expect(viaGroup).toContainText("AWS managed");
  await viaGroup.getByRole("checkbox").check();
  await expect(page.getByTestId("remove-policies")).toBeDisabled();

  await page.getByRole("tab", { name: "Groups" }).click();

  await page
    .getByTestId("user-groups")
    .getByRole("row", { name: new RegExp(groupName) })
    .getByRole("checkbox")
    .check();
  await page.getByTestId("remove-from-groups").click();
  await expect(page.getByText("This user isn't in any group.")).toBeVisible();
  expect((await iam.send(new ListGroupsForUserCommand({ UserName: userName }))).Groups).toEqual([]);
});

test("tags: edit them with the shared editor (rules as you type), saved as TagUser / UntagUser", async ({ page, iam, unique }) => {
  const userName = unique("ud-tags");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new TagUserCommand({
      UserName: userName,
      Tags: [
        { Key: "team", Value: "blue" },
        { Key: "old", Value: "x" },
      ],
    }),
  );

  await openUser(page, userName, "tags");
  await expect(page.getByTestId("user-tags")).toContainText("team");
  await page.getByTestId("manage-tags").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Remove" }).nth(1).click();
  await dialog.getByRole("button", { name: "Add new tag" }).click();
  const key = dialog.getByPlaceholder("Enter key").last();
  await key.fill("aws:nope");
  await expect(dialog.getByText("Keys can't start with 'aws:'.")).toBeVisible();
  await expect(page.getByTestId("save-tags")).toBeDisabled();
  await key.fill("env");
  await dialog.getByPlaceholder("Enter value").last().fill("prod");
  await dialog.getByPlaceholder("Enter value").first().fill("green");
  await page.screenshot({ path: "/tmp/users-detail-tags-modal.png" });
  await page.getByTestId("save-tags").click();
  // The tab said "Tags (2)" before the save as well: wait for the save itself.
  await expect(page.getByText(`Tags saved for ${userName}.`)).toBeVisible();
  await expect(page.getByTestId("user-tags").getByRole("cell", { name: "prod", exact: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Tags (2)" })).toBeVisible();
  const tags = (await iam.send(new ListUserTagsCommand({ UserName: userName }))).Tags ?? [];
  expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({ team: "green", env: "prod" });
});

test("Access Advisor of a user without policies lists no allowed services", async ({ page, iam, unique }) => {
  const userName = unique("ud-advisor");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await openUser(page, userName, "access_advisor");
  await expect(page.getByTestId("access-advisor-services")).toContainText("No services are allowed by the policies.");
});

test("a user that doesn't exist shows AWS's NoSuchEntity message", async ({ page, unique }) => {
  const userName = unique("ud-missing");
  await page.goto(`/users/details/${userName}`);
  await expect(page.getByText(`The user with name ${userName} cannot be found.`)).toBeVisible({ timeout: 60_000 });
});
