import { AttachUserPolicyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { expect, treeAction, treeRow } from "./organizations-support";
import { typeIntoEditor } from "./policies-support";
import { signInAsIamUser } from "./support/sign-in";
import { accountMenu, switchField } from "./switch-role-support";
import { createError, submitBareUser } from "./users-create-helpers";

// The walkthrough's end, as one story in a fresh account of its own (so it starts with no organization): its
// administrator builds the organization, caps an OU with an SCP, switches into the new Dev account and meets the cap.
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "Walkthrough-Passw0rd!";
const DENY_CREATE_USER = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }],
});
const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const state = { management: "", admin: `admin-${u}`, ou: `Workloads-${u}`, dev: `Dev-${u}`, devId: "", scp: `DenyCreateUser-${u}` };
const shown = (id: string) => id.replace(/(\d{4})(\d{4})(\d{4})/, "$1-$2-$3");

test.beforeAll(async () => {
  // A standalone account (PUT /_clef/accounts) with an IAM administrator who signs in to the console.
  state.management = String(200_000_000_000 + Math.floor(Math.random() * 799_999_999_999));
  const res = await fetch(`${process.env.E2E_AWS_URL}/_clef/accounts/${state.management}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `Walkthrough ${u}` }),
  });
  expect(res.status).toBe(201);
  const keys = (await res.json()) as { rootAccessKeyId: string; rootSecretAccessKey: string };
  const iam = new IAMClient({
    endpoint: process.env.E2E_AWS_URL,
    region: "us-east-1",
    credentials: { accessKeyId: keys.rootAccessKeyId, secretAccessKey: keys.rootSecretAccessKey },
  });
  await iam.send(new CreateUserCommand({ UserName: state.admin }));
  await iam.send(new AttachUserPolicyCommand({ UserName: state.admin, PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
  await iam.send(new CreateLoginProfileCommand({ UserName: state.admin, Password: PASSWORD }));
});

async function signIn(page: import("@playwright/test").Page) {
  await signInAsIamUser(page, state.admin, PASSWORD, state.management);
  await expect(accountMenu(page, `${state.admin} @ ${shown(state.management)}`)).toBeVisible({ timeout: 90_000 });
}

test("the administrator creates an organization, an OU and the Dev account", async ({ page }) => {
  await signIn(page);
  await page.goto("/organizations");
  await expect(page.getByRole("heading", { name: "Create an organization" })).toBeVisible();
  await page.getByTestId("create-organization").click();
  await expect(page.getByText(/^You successfully created an AWS organization \(o-[a-z0-9]+\)/)).toBeVisible();

  await treeAction(page, "Root", "Create new");
  await page.getByRole("dialog").getByTestId("ou-name").locator("input").fill(state.ou);
  await page.getByRole("dialog").getByTestId("create-ou-submit").click();
  await expect(treeRow(page, state.ou)).toBeVisible();

  await page.goto("/organizations/accounts/add");
  await page.getByTestId("account-name").locator("input").fill(state.dev);
  await page.getByTestId("account-email").locator("input").fill(`${state.dev.toLowerCase()}@example.com`);
  await page.getByTestId("create-account-submit").click();
  const done = page.getByText(new RegExp(`^AWS account ${state.dev} \\((\\d{12})\\) was created and added to your organization\\.$`));
  await expect(done).toBeVisible();
  state.devId = (await done.textContent())!.match(/\((\d{12})\)/)![1];

  await treeAction(page, state.dev, "Move");
  await page.getByRole("dialog").getByTestId("move-destination").click();
  await page.getByRole("option", { name: new RegExp(`Root / ${state.ou}`) }).click();
  await page.getByRole("dialog").getByTestId("move-account-submit").click();
  await expect(page.getByText(`AWS account ${state.dev} was moved to Root / ${state.ou}.`)).toBeVisible();
});

test("SCPs are enabled; an SCP denying iam:CreateUser, written in the editor, caps the OU", async ({ page }) => {
  await signIn(page);
  await page.goto("/organizations/policies/service-control-policy");
  await expect(page.getByText("Service control policies are enabled")).toBeVisible();
  await page.getByTestId("create-org-policy").click();
  await page.getByTestId("org-policy-name").locator("input").fill(state.scp);
  await typeIntoEditor(page, DENY_CREATE_USER);
  await page.getByTestId("save-org-policy").click();
  await expect(page.getByRole("heading", { name: state.scp, level: 1 })).toBeVisible();

  await page.goto("/organizations/accounts");
  await page.getByRole("link", { name: state.ou, exact: true }).click();
  await page.getByRole("tab", { name: "Policies" }).click();
  await page.getByTestId("attach-service-control-policy").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("row").filter({ hasText: state.scp }).getByRole("radio").check();
  await dialog.getByTestId("attach-policy-submit").click();
  await expect(page.getByText(`Policy ${state.scp} was attached to ${state.ou}.`)).toBeVisible();
});

test("switched into Dev through OrganizationAccountAccessRole, a group is allowed and a user is refused by the SCP", async ({ page }) => {
  await signIn(page);
  await page.goto("/switch-role");
  await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
  await switchField(page, "account").fill(state.devId);
  await switchField(page, "role-name").fill("OrganizationAccountAccessRole");
  await page.getByRole("radio", { name: "Red" }).check();
  await page.getByTestId("switch-role-submit").click();
  const display = `OrganizationAccountAccessRole @ ${state.devId}`;
  await expect(accountMenu(page, display)).toBeVisible({ timeout: 90_000 });

  const group = `developers-${u}`;
  await page.goto("/groups/create");
  await page.getByLabel("User group name").fill(group);
  await page.getByTestId("create-group-submit").click();
  await expect(page.getByText(`User group ${group} created.`)).toBeVisible();

  const user = `bob-${u}`;
  await page.goto("/users/create");
  await submitBareUser(page, user);
  await expect(createError(page)).toHaveText(
    new RegExp(
      `^User: arn:aws:sts::${state.devId}:assumed-role/OrganizationAccountAccessRole/${state.admin} is not authorized to perform: ` +
        `iam:CreateUser on resource: arn:aws:iam::${state.devId}:user/${user} with an explicit deny in a service control policy: ` +
        `arn:aws:organizations::${state.management}:policy/o-[a-z0-9]+/service_control_policy/p-[a-z0-9]+$`,
    ),
  );
  await page.screenshot({ path: test.info().outputPath("scp-refusal.png"), fullPage: true });

  await accountMenu(page, display).click();
  await page.getByRole("menu").getByRole("menuitem", { name: "Switch back" }).click();
  await expect(accountMenu(page, `${state.admin} @ ${shown(state.management)}`)).toBeVisible({ timeout: 90_000 });
});
