import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  PutGroupPolicyCommand,
  TagUserCommand,
  UpdateAccountPasswordPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { Locator, Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { enableVirtualMfa } from "./users-create-helpers";
import { field, openSignIn, signInAsIamUser } from "./support/sign-in";

// Every page is visited, and compiled on first use by a dev server: the walkthroughs take a while.
test.describe.configure({ timeout: 600_000 });
const expect = baseExpect.configure({ timeout: 120_000 });

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const ALLOW_LIST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
const TRUST_EC2 = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name, exact: typeof name === "string" });
const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();
/** Replaces the editor's text as one typed edit (Monaco auto-closes brackets: drop what it added after the cursor). */
async function fillEditor(page: Page, text: string) {
  await page.getByTestId("policy-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}

const editorLoaded = (scope: Page | Locator) => expect(scope.locator(".monaco-editor .view-lines").first()).toBeVisible();

/** Opens a page, waits for what shows it has loaded, and checks it. */
async function visit(page: Page, path: string, ready: (page: Page) => Locator | Promise<void>) {
  await page.goto(path);
  const shown = await ready(page);
  if (shown) await expect(shown.first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, path);
}

/** Opens a modal with `open`, checks the page with it, and closes it with its Cancel button. */
async function withModal(page: Page, where: string, open: () => Promise<void>) {
  await open();
  const modal = page.getByRole("dialog");
  await expect(modal).toBeVisible();
  await expectNoSeriousA11yViolations(page, where);
  await page.screenshot({ path: `/tmp/a11y-${where.replace(/\W+/g, "-").replace(/^-|-$/g, "")}.png` });
  await modal.getByRole("button", { name: "Cancel" }).first().click();
  await expect(modal).toBeHidden();
}

async function tabs(page: Page, base: string, param: string, ids: string[], ready: (page: Page) => Locator) {
  for (const id of ids) await visit(page, `${base}?${param}=${id}`, ready);
}

async function createPolicy(iam: IAMClient, name: string) {
  return (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: ALLOW_LIST }))).Policy!.Arn!;
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in (root, IAM user, a wrong password) and change password", async ({ page, iam, unique }) => {
    await openSignIn(page);
    await expectNoSeriousA11yViolations(page, "/signin (root user)");
    await page.getByText("IAM user", { exact: true }).click();
    await expectNoSeriousA11yViolations(page, "/signin (IAM user)");

    const userName = unique("a11y-reset");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: "First-Passw0rd!", PasswordResetRequired: true }));
    await field(page, "signin-account").fill("000000000000");
    await field(page, "signin-userName").fill(userName);
    await field(page, "signin-password").fill("Wrong-Passw0rd!");
    await page.getByTestId("signin-submit").click();
    await expect(page.getByText("Sign-in failed")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/signin (wrong password)");

    await signInAsIamUser(page, userName, "First-Passw0rd!");
    await expect(page).toHaveURL(/\/change-password/);
    await expect(h1(page, /password/i)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/change-password");
  });
});

test("dashboard, the top navigation's menu, the alias modal and account settings", async ({ page, iam }) => {
  await visit(page, "/", (p) => h1(p, "IAM Dashboard"));
  // The side navigation's toggle says what it does, open or closed.
  await page.getByRole("button", { name: "Close side navigation" }).click();
  await expect(page.getByRole("button", { name: "Open side navigation" })).toBeVisible();
  await page.screenshot({ path: "/tmp/a11y-navigation-closed.png" });
  await expectNoSeriousA11yViolations(page, "/ (side navigation closed)");
  await page.getByRole("button", { name: "Open side navigation" }).click();
  await expect(page.getByRole("navigation", { name: "Side navigation" })).toBeVisible();
  await page.getByRole("button", { name: /root @/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/ (account menu open)");
  await page.keyboard.press("Escape");
  const create = page.getByTestId("alias-create").or(page.getByTestId("alias-edit"));
  await withModal(page, "/ (account alias modal)", () => create.first().click());

  // A password policy of AWS's default length, so the page offers Reset to default; removed again after.
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }));
  try {
    await visit(page, "/account-settings", (p) => p.getByTestId("policy-reset"));
    await withModal(page, "/account-settings (reset password policy)", () => page.getByTestId("policy-reset").click());
    await visit(page, "/account-settings/edit-password-policy", (p) => p.getByTestId("policy-save"));
  } finally {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
  }
});

async function createUserWithEverything(iam: IAMClient, userName: string, groupName: string) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: "First-Passw0rd!" }));
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY }));
  await iam.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: "team", Value: "a11y" }] }));
  await enableVirtualMfa(iam, userName);
}

test("users: list, its modals and the create wizard's steps", async ({ page, iam, unique }) => {
  const userName = unique("a11y-user");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await visit(page, "/users", (p) => p.getByRole("link", { name: userName }));
  await page.getByRole("row").filter({ hasText: userName }).getByRole("checkbox").check();
  await withModal(page, "/users (delete users modal)", () => page.getByTestId("delete-users").click());
  await withModal(page, "/users (preferences)", () => page.getByRole("button", { name: "Preferences" }).click());

  await visit(page, "/users/create", (p) => p.getByTestId("user-name"));
  await page.getByTestId("user-name").locator("input").fill(unique("a11y-new"));
  await page.getByText("Provide user access to the AWS Management Console").click();
  await expectNoSeriousA11yViolations(page, "/users/create (console access)");
  await next(page);
  await expect(page.getByRole("heading", { name: "Set permissions" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/users/create (Set permissions)");
  await next(page);
  await expect(page.getByRole("heading", { name: "Review and create" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/users/create (Review and create)");
});

test("users: details with each tab and their modals", async ({ page, iam, unique }) => {
  const userName = unique("a11y-user");
  await createUserWithEverything(iam, userName, unique("a11y-group"));
  const base = `/users/details/${userName}`;
  const summary = (p: Page) => p.getByTestId("user-summary");
  await tabs(page, base, "section", ["permissions", "effective_permissions", "groups", "tags", "access_advisor"], summary);
  await visit(page, `${base}?section=security_credentials`, (p) => p.getByTestId("manage-console-access"));
  await withModal(page, `${base} (manage console access)`, () => page.getByTestId("manage-console-access").click());
  await withModal(page, `${base} (delete user)`, () => page.getByTestId("delete-user").click());
});

test("users: add permissions, inline policy, MFA and access key pages", async ({ page, iam, unique }) => {
  const userName = unique("a11y-user");
  await createUserWithEverything(iam, userName, unique("a11y-group"));
  const base = `/users/details/${userName}`;
  await visit(page, `${base}/add-permissions`, (p) => p.getByRole("heading", { name: "Add permissions" }));
  await visit(page, `${base}/create-inline-policy`, editorLoaded);
  await visit(page, `${base}/assign-mfa`, (p) => p.getByRole("heading", { name: "Select MFA device" }));
  await visit(page, `${base}/create-access-key`, (p) => p.getByRole("heading", { name: /Access key best practices/ }));
});

test("groups: list, create, details with each tab, their pages and modals", async ({ page, iam, unique }) => {
  const groupName = unique("a11y-group");
  const userName = unique("a11y-member");
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: READ_ONLY }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: "inline-list", PolicyDocument: ALLOW_LIST }));

  await visit(page, "/groups", (p) => p.getByRole("link", { name: groupName }));
  await visit(page, "/groups/create", (p) => p.getByTestId("group-name-field"));
  const base = `/groups/details/${groupName}`;
  await tabs(page, base, "section", ["users", "permissions", "access-advisor"], (p) => h1(p, groupName));
  await visit(page, `${base}?section=users`, (p) => p.getByRole("link", { name: userName }));
  await withModal(page, `${base} (add users)`, () => page.getByRole("button", { name: "Add users" }).click());
  await withModal(page, `${base} (delete group)`, () => page.getByTestId("delete-group").click());
  await visit(page, `${base}/attach-policies`, (p) => h1(p, /Attach/));
  await visit(page, `${base}/create-inline-policy`, editorLoaded);
  await visit(page, `${base}/inline-policies/inline-list`, editorLoaded);
});

test("roles: list, create wizard with each trusted entity, details with each tab, their pages and modals", async ({
  page,
  iam,
  unique,
}) => {
  const roleName = unique("a11y-role");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: TRUST_EC2 }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: READ_ONLY }));

  await visit(page, "/roles", (p) => p.getByRole("link", { name: roleName }));
  await visit(page, "/roles/create", (p) => p.getByTestId("trust-policy-view").locator(".monaco-editor"));
  for (const type of ["AWS account", "Web identity", "SAML 2.0 federation", "Custom trust policy", "AWS service"]) {
    await page.getByText(type, { exact: true }).click();
    await editorLoaded(page);
    await expectNoSeriousA11yViolations(page, `/roles/create (${type})`);
  }
  await page.getByTestId("trusted-service").click();
  await page.getByRole("option", { name: "Lambda" }).click();
  await next(page);
  await expect(page.getByPlaceholder("Search policies by name")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/roles/create (Add permissions)");
  await next(page);
  await expect(page.getByTestId("role-name")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/roles/create (Name, review, and create)");

  const base = `/roles/details/${roleName}`;
  await tabs(page, base, "tab", ["permissions", "effective", "trust", "tags", "last_accessed", "sessions"], (p) => h1(p, roleName));
  // The Summary's Edit comes first, above the tabs.
  await withModal(page, `${base} (edit role)`, () => page.getByRole("button", { name: "Edit", exact: true }).first().click());
  await withModal(page, `${base} (delete role)`, () => page.getByTestId("delete-role").click());
  await visit(page, `${base}/edit-trust-policy`, editorLoaded);
  await expect(page.getByRole("textbox", { name: "Trust policy editor", exact: true })).toBeAttached();
  await visit(page, `${base}/attach-policies`, (p) => h1(p, /Attach policy/));
});

test("policies: list, create, details with each tab, edit and modals", async ({ page, iam, unique }) => {
  const policyName = unique("a11y-policy");
  const userName = unique("a11y-holder");
  const arn = await createPolicy(iam, policyName);
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: arn }));

  await visit(page, "/policies", (p) => p.getByRole("link").filter({ hasText: /^AdministratorAccess$/ }));
  await visit(page, "/policies/create", editorLoaded);
  await expect(page.getByRole("textbox", { name: "Policy editor", exact: true })).toBeAttached();
  await next(page);
  await expect(page.getByTestId("policy-errors-blocked").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/policies/create (the starter policy's errors)");
  // A finding is a button that moves the cursor to it: reached by keyboard, it shows the focus ring.
  const finding = page.getByTestId("policy-finding").first().getByRole("button");
  await finding.focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(finding).toBeFocused();
  await expect(finding).not.toHaveCSS("outline-style", "none");
  await page.getByTestId("policy-findings").screenshot({ path: "/tmp/a11y-policy-finding-focused.png" });
  await fillEditor(page, ALLOW_LIST);
  await expect(page.getByTestId("policy-finding")).toHaveCount(0);
  await next(page);
  await expect(page.getByRole("heading", { name: "Review and create" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/policies/create (Review and create)");

  const base = `/policies/details/${encodeURIComponent(arn)}`;
  await tabs(page, base, "tab", ["permissions", "entities", "tags", "last_accessed"], (p) => h1(p, policyName));
  await visit(page, `${base}?tab=versions`, (p) => p.getByRole("radio", { name: "v1", exact: true }));
  await visit(page, `${base}?tab=entities`, (p) => p.getByRole("link", { name: userName }));
  await withModal(page, `${base} (attach entities)`, () => page.getByTestId("attach-policy").click());
  await withModal(page, `${base} (delete policy)`, () => page.getByTestId("delete-policy").click());
  await visit(page, `${base}/edit`, editorLoaded);
  await visit(page, `/policies/details/${encodeURIComponent(READ_ONLY)}`, (p) => h1(p, "ReadOnlyAccess"));
});

test("simulator: empty, then with results", async ({ page, iam, unique }) => {
  const userName = unique("a11y-sim");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY }));
  await visit(page, "/simulator", (p) => h1(p, "Policy simulator"));
  await page.getByTestId("principal-select").getByRole("button").first().click();
  await expectNoSeriousA11yViolations(page, "/simulator (principal select open)");
  await page.getByPlaceholder(/^Find a /).fill(userName);
  await page.getByRole("option", { name: new RegExp(`^${userName}`) }).click();
  const input = page.getByTestId("simulator-action-input").locator("input");
  await input.fill("s3:ListBucket");
  await page.getByTestId("simulator-add-action").click();
  await page.getByTestId("run-simulation").click();
  await expect(page.getByTestId("simulation-results").getByRole("row").filter({ hasText: "s3:ListBucket" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/simulator (results)");
});
