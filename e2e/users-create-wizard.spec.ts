import { readFileSync } from "node:fs";
import {
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeletePolicyCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  AddUserToGroupCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";
import { sortBy } from "./lists-support";
import { signInAsIamUser } from "./support/sign-in";
import { expectOnStep, input, openWizard, removeUser } from "./users-create-helpers";

// Dev servers compile each route on first use: allow for it in the walkthroughs.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const CHANGE_PASSWORD = "arn:aws:iam::aws:policy/IAMUserChangePassword";

test("creates a user with console access, a custom password, a group and a tag, then hands out the password once", async ({
  page,
  iam,
  unique,
  browser,
  baseURL,
}) => {
  const group = unique("ucw-group");
  const name = unique("ucw-user");
  const password = "Str0ng-Passw0rd!x";
  await iam.send(new CreateGroupCommand({ GroupName: group }));
  try {
    // Retried: a dev server's hot reloads (other files changing) can race a client-side navigation.
    await expect(async () => {
      await page.goto("/users");
      await page.getByRole("button", { name: "Create user", exact: true }).click();
      await expect(page).toHaveURL(/\/users\/create$/, { timeout: 15_000 });
    }).toPass({ timeout: 120_000 });
    await expectOnStep(page, "Specify user details");
    await input(page, "user-name").fill(name);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByText("Custom password", { exact: true }).click();
    await input(page, "custom-password").fill(password);
    await expect(input(page, "custom-password")).toHaveAttribute("type", "password");
    await expect(page.getByTestId("password-reset-required").locator("input")).toBeChecked();
    await page.screenshot({ path: "/tmp/users-create-step1.png", fullPage: true });
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expectOnStep(page, "Set permissions");
    await page.getByPlaceholder("Search groups").fill(group);
    await page.getByRole("checkbox", { name: group }).check();
    await page.screenshot({ path: "/tmp/users-create-step2.png", fullPage: true });
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expectOnStep(page, "Review and create");
    const summary = page.getByTestId("permissions-summary");
    await expect(summary.getByRole("row", { name: new RegExp(`${group}\\s+Group\\s+Permissions group`) })).toBeVisible();
    await expect(summary.getByRole("row", { name: /IAMUserChangePassword\s+AWS managed\s+Permissions policy/ })).toBeVisible();
    await page.getByRole("button", { name: "Add new tag", exact: true }).click();
    await page.getByPlaceholder("Enter key").fill("team");
    await page.getByPlaceholder("Enter value").fill("blue");
    await page.screenshot({ path: "/tmp/users-create-step3.png", fullPage: true });
    await page.getByRole("button", { name: "Create user", exact: true }).click();

    await expect(page.getByRole("heading", { name: "Retrieve password" })).toBeVisible();
    await expect(page.getByText("User created successfully")).toBeVisible();
    const signInUrl = `${baseURL}/signin?account=000000000000`;
    await expect(page.getByText(signInUrl)).toBeVisible();
    await expect(page.getByTestId("console-password")).toHaveText("*******");
    await page.getByTestId("toggle-password").click();
    await expect(page.getByTestId("console-password")).toHaveText(password);
    expect(page.url()).not.toContain(password);
    await page.screenshot({ path: "/tmp/users-create-retrieve.png", fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .csv file", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${name}_credentials.csv`);
    expect(readFileSync((await download.path())!, "utf8")).toBe(
      `User name,Password,Console sign-in URL\n${name},${password},${signInUrl}\n`,
    );

    const groups = await iam.send(new ListGroupsForUserCommand({ UserName: name }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual([group]);
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([CHANGE_PASSWORD]);
    expect((await iam.send(new ListUserTagsCommand({ UserName: name }))).Tags).toEqual([{ Key: "team", Value: "blue" }]);
    expect((await iam.send(new GetLoginProfileCommand({ UserName: name }))).LoginProfile?.PasswordResetRequired).toBe(true);

    await page.getByRole("button", { name: "Return to users list", exact: true }).click();
    await expect(page).toHaveURL(/\/users$/);
    await page.getByPlaceholder("Search users by name or ARN").fill(name);
    await expect(page.getByRole("link", { name })).toBeVisible();

    const other = await browser.newContext({ baseURL });
    const userPage = await other.newPage();
    await signInAsIamUser(userPage, name, password);
    await expect(userPage).toHaveURL(/\/change-password/);
    await other.close();
  } finally {
    await removeUser(page, name);
    await iam.send(new DeleteGroupCommand({ GroupName: group }));
  }
});

test("copies groups, managed policies and the boundary (not inline policies) and autogenerates a password", async ({
  page,
  iam,
  unique,
  browser,
  baseURL,
}) => {
  const group = unique("ucc-group");
  const source = unique("ucc-source");
  const name = unique("ucc-user");
  await iam.send(new CreateGroupCommand({ GroupName: group }));
  await iam.send(new CreateUserCommand({ UserName: source }));
  await iam.send(new AddUserToGroupCommand({ UserName: source, GroupName: group }));
  await iam.send(new AttachUserPolicyCommand({ UserName: source, PolicyArn: READ_ONLY }));
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: source, PermissionsBoundary: READ_ONLY }));
  const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }] });
  await iam.send(new PutUserPolicyCommand({ UserName: source, PolicyName: "inline", PolicyDocument: doc }));
  try {
    await openWizard(page);
    await input(page, "user-name").fill(name);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByTestId("password-reset-required").getByText("Users must create a new password").click();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByText("Copy permissions", { exact: true }).click();
    await page.getByPlaceholder("Search users").fill(source);
    await page.getByRole("radio", { name: source }).check();
    await expect(page.getByText(`Permissions copied from ${source}`)).toBeVisible();
    await page.getByRole("button", { name: "Next", exact: true }).click();

    const summary = page.getByTestId("permissions-summary");
    await expect(summary.getByRole("row", { name: /ReadOnlyAccess\s+AWS managed\s+Permissions policy/ })).toBeVisible();
    await expect(summary.getByRole("row", { name: /ReadOnlyAccess\s+AWS managed\s+Permissions boundary/ })).toBeVisible();
    await expect(summary.getByRole("row", { name: new RegExp(group) })).toBeVisible();
    await expect(summary.getByRole("row")).toHaveCount(4);
    await page.getByRole("button", { name: "Create user", exact: true }).click();

    await expect(page.getByTestId("console-password")).toHaveText("*******");
    await page.getByTestId("toggle-password").click();
    await expect(page.getByTestId("console-password")).not.toHaveText("*******");
    const password = (await page.getByTestId("console-password").textContent())!;
    expect(password).toMatch(/^.{16,}$/);
    expect((await iam.send(new GetUserCommand({ UserName: name }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(READ_ONLY);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: name }))).Groups?.map((g) => g.GroupName)).toEqual([group]);
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([
      READ_ONLY,
    ]);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: name }))).PolicyNames).toEqual([]);

    const other = await browser.newContext({ baseURL });
    const userPage = await other.newPage();
    await signInAsIamUser(userPage, name, password);
    await expect(userPage.getByRole("button", { name: new RegExp(name) })).toBeVisible();
    await other.close();
  } finally {
    await removeUser(page, name);
    await removeUser(page, source);
    await iam.send(new DeleteGroupCommand({ GroupName: group }));
  }
});

test("attaches policies directly with a permissions boundary, without console access", async ({ page, iam, unique }) => {
  const name = unique("ucd-user");
  const policyName = unique("ucd-policy");
  const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:ListUsers", Resource: "*" }] });
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: doc }));
  try {
    await openWizard(page);
    await input(page, "user-name").fill(name);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByText("Attach policies directly", { exact: true }).click();
    await page.getByPlaceholder("Search policies by name").first().fill(policyName);
    await page
      .getByRole("row", { name: new RegExp(policyName) })
      .getByRole("checkbox")
      .check();
    await page.getByText("Set permissions boundary - optional").click();
    await page.getByText("Use a permissions boundary to control the maximum user permissions").click();
    await page.getByPlaceholder("Search policies by name").nth(1).fill("ReadOnlyAccess");
    // 198 policies contain the text; by name, descending, ReadOnlyAccess is on the first page.
    await sortBy(page.getByTestId("policy-picker").nth(1), "Policy name", "descending");
    await page
      .getByRole("row", { name: /^ReadOnlyAccess\b/ })
      .getByRole("radio")
      .check();
    await page.screenshot({ path: "/tmp/users-create-policies.png", fullPage: true });
    await page.getByRole("button", { name: "Next", exact: true }).click();
    const summary = page.getByTestId("permissions-summary");
    await expect(summary.getByRole("row", { name: new RegExp(`${policyName}\\s+Customer managed\\s+Permissions policy`) })).toBeVisible();
    await expect(summary.getByRole("row", { name: /ReadOnlyAccess\s+AWS managed\s+Permissions boundary/ })).toBeVisible();
    await page.getByRole("button", { name: "Create user", exact: true }).click();

    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByText(`User ${name} created successfully.`)).toBeVisible();
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([
      Policy!.Arn,
    ]);
    expect((await iam.send(new GetUserCommand({ UserName: name }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(READ_ONLY);
  } finally {
    await removeUser(page, name);
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }));
  }
});
