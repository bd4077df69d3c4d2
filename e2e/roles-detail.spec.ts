import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetRoleCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./support/a11y";

// Dev servers compile each page and route on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 40_000 });

const trust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const ALLOW_LIST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });

async function fillEditor(page: Page, text: string) {
  await page.getByTestId("policy-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // Monaco auto-closes brackets; whatever it added is after the cursor.
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}

async function openRole(page: Page, roleName: string, tab = "permissions") {
  await page.goto(`/roles/details/${roleName}?tab=${tab}`);
  await expect(page.getByRole("heading", { name: roleName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
}

async function createPolicy(iam: IAMClient, name: string) {
  return (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: ALLOW_LIST }))).Policy!.Arn!;
}

test("edit the trust policy: AWS's MalformedPolicyDocument verbatim, then UpdateAssumeRolePolicy", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-trust");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  await openRole(page, roleName, "trust");
  await expect(page.getByTestId("trust-policy-view")).toContainText("ec2.amazonaws.com");
  await page.getByRole("button", { name: "Edit trust policy" }).click();
  await expect(page.getByRole("heading", { name: "Edit trust policy" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });

  const missing = `arn:aws:iam::000000000000:role/${roleName}-missing`;
  await fillEditor(
    page,
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: missing }, Action: "sts:AssumeRole" }] }),
  );
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("update-trust-policy").click();
  const error = page.getByTestId("trust-policy-error").first();
  await expect(error).toContainText("MalformedPolicyDocument");
  await expect(error).toContainText(`Invalid principal in policy: "AWS":"${missing}"`);
  await page.screenshot({ path: "/tmp/roles-edit-trust-error.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "edit trust policy (MalformedPolicyDocument)");

  await fillEditor(page, trust("lambda.amazonaws.com"));
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("update-trust-policy").click();
  await expect(page).toHaveURL(/tab=trust/, { timeout: 60_000 });
  await expect(page.getByText(`Trust policy updated for ${roleName}.`)).toBeVisible();
  await expect(page.getByTestId("trust-policy-view")).toContainText("lambda.amazonaws.com");
  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0].Principal).toEqual({
    Service: "lambda.amazonaws.com",
  });
});

test("change the maximum session duration", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-session");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  await openRole(page, roleName, "sessions");
  await expect(page.getByTestId("sessions-max-session")).toHaveText("1 hour");
  await page.getByTestId("edit-max-session").click();
  const modal = page.getByRole("dialog");
  await modal.getByRole("button", { name: /Maximum session duration/ }).click();
  await page.getByRole("option", { name: "4 hours" }).click();
  await modal.getByTestId("save-role").click();
  await expect(page.getByTestId("sessions-max-session")).toHaveText("4 hours");
  await expect(page.getByTestId("role-max-session")).toHaveText("4 hours");
  expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.MaxSessionDuration).toBe(14400);

  await page.getByRole("button", { name: "Revoke active sessions" }).click();
  await page.getByTestId("confirm-revoke").click();
  await expect(page.getByText(/issued before .* are revoked/)).toBeVisible();
  const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
  expect(inline.PolicyNames).toEqual(["AWSRevokeOlderSessions"]);
  await page.screenshot({ path: "/tmp/roles-sessions.png", fullPage: true });
});

test("permissions: attach a managed policy, create and remove an inline one", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-perms");
  const policyName = unique("e2e-perms-policy");
  await createPolicy(iam, policyName);
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("lambda.amazonaws.com") }));
  await openRole(page, roleName);

  await page.getByRole("button", { name: "Add permissions" }).click();
  await page.getByRole("menuitem", { name: "Attach policies" }).click();
  await expect(page.getByRole("heading", { name: `Attach policy to ${roleName}` })).toBeVisible({ timeout: 60_000 });
  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await page
    .getByRole("row", { name: new RegExp(policyName) })
    .getByRole("checkbox")
    .check();
  await page.getByTestId("attach-policies").click();
  await expect(page.getByRole("heading", { name: roleName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("row", { name: new RegExp(`${policyName} Customer managed`) })).toBeVisible();

  await page.getByRole("button", { name: "Add permissions" }).click();
  await page.getByRole("menuitem", { name: "Create inline policy" }).click();
  const name = page.getByTestId("inline-policy-name").locator("input");
  await name.fill("bad name!");
  await expect(page.getByRole("dialog").getByText("Use alphanumeric and '+=,.@-_' characters.").first()).toBeVisible();
  await name.fill("inline-list");
  await expect(page.getByRole("dialog").getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  await fillEditor(page, ALLOW_LIST);
  await page.getByTestId("save-inline-policy").click();
  await expect(page.getByRole("table").getByText("inline-list", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("cell", { name: "Customer inline" })).toBeVisible();
  await page.screenshot({ path: "/tmp/roles-permissions.png", fullPage: true });

  await page.getByRole("checkbox", { name: "Select inline-list" }).check();
  await page.getByTestId("remove-policies").click();
  await page.getByTestId("confirm-remove-policies").click();
  await expect(page.getByRole("table").getByText("inline-list", { exact: true })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("row", { name: new RegExp(policyName) })).toBeVisible();
});

test("permissions boundary set and removed; tags managed", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-boundary");
  const policyName = unique("e2e-boundary-policy");
  await createPolicy(iam, policyName);
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("lambda.amazonaws.com") }));
  await openRole(page, roleName);

  await page.getByRole("button", { name: "Set permissions boundary" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByPlaceholder("Search policies by name").fill(policyName);
  await dialog
    .getByRole("row", { name: new RegExp(policyName) })
    .getByRole("radio")
    .check();
  await page.getByTestId("set-boundary").click();
  await expect(page.getByTestId("boundary-name")).toHaveText(policyName);
  expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.PermissionsBoundary?.PermissionsBoundaryArn).toContain(
    policyName,
  );
  await page.getByRole("button", { name: "Remove boundary" }).click();
  await expect(page.getByText("Permissions boundary (not set)")).toBeVisible();

  await page.getByRole("tab", { name: /Tags/ }).click();
  await page.getByRole("button", { name: "Manage tags" }).click();
  await page.getByRole("button", { name: "Add new tag" }).click();
  await page.getByPlaceholder("Enter key").fill("aws:team");
  await expect(page.getByText("Keys can't start with 'aws:'.")).toBeVisible();
  await page.getByPlaceholder("Enter key").fill("team");
  await page.getByPlaceholder("Enter value").fill("platform");
  await page.getByTestId("save-tags").click();
  await expect(page.getByRole("cell", { name: "platform", exact: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Tags (1)" })).toBeVisible();
  expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.Tags).toEqual([{ Key: "team", Value: "platform" }]);
});

async function roleWithDependencies(iam: IAMClient, roleName: string, policyArn: string) {
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
  await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "inline", PolicyDocument: ALLOW_LIST }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: roleName }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: roleName, RoleName: roleName }));
}

test("delete a role with policies and an instance profile from its page, typing its name", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-delete");
  const policyArn = await createPolicy(iam, unique("e2e-delete-policy"));
  await roleWithDependencies(iam, roleName, policyArn);
  await openRole(page, roleName);
  await page.getByTestId("delete-role").click();
  const deps = page.getByTestId("role-dependencies");
  await expect(deps).toContainText(`Instance profile ${roleName}`);
  await expect(deps).toContainText("Inline policies deleted: inline");
  await page.screenshot({ path: "/tmp/roles-delete-modal.png", fullPage: true });
  await expect(page.getByTestId("delete-confirm")).toBeDisabled();
  await page.getByTestId("delete-confirm-input").locator("input").fill(roleName);
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByText(`Role ${roleName} deleted.`)).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/roles$/);
  await expect(iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toThrow(/cannot be found/);
  await expect(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: roleName }))).rejects.toThrow(/cannot be found/);
  expect((await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy?.AttachmentCount).toBe(0);
});

test("delete several roles from the table, with progress", async ({ page, iam, unique }) => {
  const prefix = unique("e2e-bulk");
  const policyArn = await createPolicy(iam, `${prefix}-policy`);
  await roleWithDependencies(iam, `${prefix}-a`, policyArn);
  await iam.send(new CreateRoleCommand({ RoleName: `${prefix}-b`, AssumeRolePolicyDocument: trust("lambda.amazonaws.com") }));
  await page.goto("/roles");
  await page.getByPlaceholder("Search roles by name or description").fill(prefix);
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(2);
  await page.getByRole("checkbox", { name: `Select ${prefix}-a` }).check();
  await page.getByRole("checkbox", { name: `Select ${prefix}-b` }).check();
  await page.getByTestId("delete-roles").click();
  await page.getByTestId("delete-confirm-input").locator("input").fill("delete");
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByText("2 roles deleted.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(0);
  await expect(page.getByText("No roles match the filter.")).toBeVisible();
});
