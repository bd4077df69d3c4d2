import { expect, test, type Page } from "@playwright/test";
import { Narration } from "./narration";
import { sortBy } from "../lists-support";
import { treeAction, treeRow } from "../organizations-support";
import { openSignIn, signInAsIamUser } from "../support/sign-in";
import { ACCOUNT, SHOWN_ACCOUNT, accountMenu, switchField } from "../switch-role-support";
import { createError, submitBareUser } from "../users-create-helpers";

// The walkthrough, on the fresh local account the demo's own server starts with: IAM, then Organizations and Switch role.
test.describe.configure({ mode: "serial", timeout: 900_000 });

const USER = "demo-alice";
const PASSWORD = "Demo-Passw0rd!2026";
const GROUP = "developers";
const POLICY = "DemoReportsReadOnly";
const POLICY_DOC = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ReadReports",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:ListBucket"],
      Resource: ["arn:aws:s3:::demo-reports", "arn:aws:s3:::demo-reports/*"],
    },
  ],
});
const PARTNER_ROLE = "PartnerAuditor";
const LAMBDA_ROLE = "ReportsLambdaRole";
const ADMIN = "demo-admin";
const ADMIN_PASSWORD = "Demo-Admin-Passw0rd!2026";
const OU = "Workloads";
const DEV = "Dev";
const SCP = "DenyCreateUser";
const SCP_DOC = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "NoNewUsers", Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }],
});

const input = (page: Page, testId: string) => page.getByTestId(testId).locator("input");
const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

async function typeIntoEditor(page: Page, text: string) {
  const lines = page.getByTestId("policy-editor").first().locator(".monaco-editor .view-lines");
  await expect(lines).toBeVisible({ timeout: 120_000 });
  await lines.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
  // Typed text is auto-indented line by line, so the document goes in on one line and Monaco formats it.
  await page.keyboard.press(process.platform === "linux" ? "Control+Shift+KeyI" : "Shift+Alt+KeyF");
}

/** Opens the header's account menu, again if a click lands before the page has hydrated. */
async function openAccountMenu(page: Page, name: string | RegExp) {
  await expect(async () => {
    if (!(await page.getByRole("menu").isVisible())) await accountMenu(page, name).click();
    await expect(page.getByRole("menu")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test("the IAM walkthrough, Organizations and Switch role", async ({ page }) => {
  const story = new Narration(page);
  try {
    await openSignIn(page);
    await page.getByTestId("signin-email").locator("input").fill(process.env.E2E_ROOT_EMAIL!);
    await page.getByTestId("signin-password").locator("input").fill(process.env.E2E_ROOT_PASSWORD!);
    await story.shot("Sign in", "Sign in as the account's root user with its email address and password, as on AWS's sign-in page.");
    await page.getByTestId("signin-submit").click();
    await expect(page.getByRole("button", { name: /root @/ })).toBeVisible();
    await expect(page.getByText("IAM resources").first()).toBeVisible();
    await story.shot("IAM dashboard", "The IAM dashboard: the account, its resource counts and security recommendations.");

    await page.goto("/users/create");
    await page.locator("[data-hydrated]").waitFor({ timeout: 120_000 });
    await input(page, "user-name").fill(USER);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByText("Custom password", { exact: true }).click();
    await input(page, "custom-password").fill(PASSWORD);
    await story.shot(
      "Create a user",
      "Create the user demo-alice with console access and a custom password she must change at first sign-in.",
    );
    await next(page);
    await expect(page.getByRole("heading", { name: "Set permissions", level: 1 })).toBeVisible();
    await next(page);
    await expect(page.getByRole("heading", { name: "Review and create", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Create user", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Retrieve password" })).toBeVisible();
    await story.shot("Retrieve the password", "The password is shown once, with the console sign-in URL and a .csv download.");

    await page.goto("/groups/create");
    await expect(page.getByRole("heading", { name: "Create user group" })).toBeVisible();
    await page.getByLabel("User group name").fill(GROUP);
    await page.getByPlaceholder("Search users by name or ARN").fill(USER);
    await page.getByRole("checkbox", { name: `Select user ${USER}` }).check();
    await story.shot("Create a group", "Create the developers group and add demo-alice to it.");
    await page.getByTestId("create-group-submit").click();
    await expect(page.getByText(`User group ${GROUP} created.`)).toBeVisible();

    await page.goto("/policies/create");
    await typeIntoEditor(page, POLICY_DOC);
    await expect(page.getByTestId("policy-findings")).toContainText("No errors");
    await story.shot("Write a policy", "Write a customer managed policy in the JSON editor; findings are checked live with AWS's grammar.");
    await next(page);
    await page.getByTestId("policy-name").locator("input").fill(POLICY);
    await page.getByTestId("policy-description").locator("textarea").fill("Read the demo-reports bucket");
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page.getByText(`Policy ${POLICY} created.`)).toBeVisible();

    await page.goto(`/groups/details/${GROUP}?section=permissions`);
    await page.getByRole("button", { name: "Add permissions" }).click();
    await page.getByRole("menuitem", { name: "Attach policies" }).click();
    // The table fills in once the page is live; typing into the search box before that would be lost.
    await expect(page.getByRole("row").filter({ hasText: "AdministratorAccess" }).first()).toBeVisible();
    await page.getByPlaceholder("Search policies by name").fill(POLICY);
    await page.getByRole("row").filter({ hasText: POLICY }).getByRole("checkbox").check();
    await page.getByTestId("attach-policies-submit").click();
    await expect(page.getByText(`Attached 1 policy to ${GROUP}.`)).toBeVisible();
    await story.shot("Attach the policy to the group", "Attach the new policy to the developers group: every member gets its permissions.");

    await page.goto("/roles/create");
    await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible({ timeout: 120_000 });
    await page.getByText("AWS account", { exact: true }).click();
    await page.getByText("Another AWS account", { exact: true }).click();
    await page.getByTestId("trusted-account-id").locator("input").fill("123456789012");
    await page.getByText("Require external ID", { exact: true }).click();
    await page.getByTestId("external-id").locator("input").fill("partner-audit-2026");
    await story.shot(
      "A role for another account",
      "Create a role that account 123456789012 may assume, with an external ID; the trust policy is previewed live.",
    );
    await next(page);
    await page.getByPlaceholder("Search policies by name").fill("ReadOnlyAccess");
    // 198 policies contain the text; by name, descending, ReadOnlyAccess is on the first page.
    await sortBy(page.getByTestId("policy-picker"), "Policy name", "descending");
    await page
      .getByRole("row", { name: /^.*\bReadOnlyAccess\b/ })
      .first()
      .getByRole("checkbox")
      .check();
    await next(page);
    await page.getByTestId("role-name").locator("input").fill(PARTNER_ROLE);
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByText(`Role ${PARTNER_ROLE} created.`)).toBeVisible({ timeout: 60_000 });

    await page.goto("/roles/create");
    await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible({ timeout: 120_000 });
    await page.getByTestId("trusted-service").click();
    await page.getByRole("option", { name: "Lambda" }).click();
    await expect(page.getByTestId("trust-policy-view")).toContainText("lambda.amazonaws.com");
    await story.shot("A Lambda service role", "Create a service role that Lambda functions assume.");
    await next(page);
    await next(page);
    await page.getByTestId("role-name").locator("input").fill(LAMBDA_ROLE);
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByText(`Role ${LAMBDA_ROLE} created.`)).toBeVisible({ timeout: 60_000 });
    await page.goto("/roles");
    await expect(page.getByRole("row").filter({ hasText: PARTNER_ROLE })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: LAMBDA_ROLE })).toBeVisible();
    await story.shot("The roles", "Both roles, with their trusted entities: an AWS account and the Lambda service.");

    // Organizations: the account becomes the management account of an organization, with an OU and a Dev account.
    await page.goto("/organizations");
    await expect(page.getByRole("heading", { name: "Create an organization" })).toBeVisible();
    await story.shot("Create an organization", "AWS Organizations: this account will be the management account of a new organization.");
    await page.getByTestId("create-organization").click();
    await expect(page.getByText(/^You successfully created an AWS organization \(o-[a-z0-9]+\)/)).toBeVisible();
    await treeAction(page, "Root", "Create new");
    await page.getByRole("dialog").getByTestId("ou-name").locator("input").fill(OU);
    await page.getByRole("dialog").getByTestId("create-ou-submit").click();
    await expect(treeRow(page, OU)).toBeVisible();

    await page.goto("/organizations/accounts/add");
    await page.getByTestId("account-name").locator("input").fill(DEV);
    await page.getByTestId("account-email").locator("input").fill("dev@example.com");
    await story.shot("Create a member account", "Create the Dev account in the organization; it comes with OrganizationAccountAccessRole.");
    await page.getByTestId("create-account-submit").click();
    const created = page.getByText(new RegExp(`^AWS account ${DEV} \\((\\d{12})\\) was created and added to your organization\\.$`));
    await expect(created).toBeVisible({ timeout: 60_000 });
    const devId = (await created.textContent())!.match(/\((\d{12})\)/)![1];
    await treeAction(page, DEV, "Move");
    await page.getByRole("dialog").getByTestId("move-destination").click();
    await page.getByRole("option", { name: new RegExp(`Root / ${OU}`) }).click();
    await page.getByRole("dialog").getByTestId("move-account-submit").click();
    await expect(page.getByText(`AWS account ${DEV} was moved to Root / ${OU}.`)).toBeVisible();
    await story.shot("The organization", `The organization's tree: the Dev account (${devId}) in the ${OU} OU.`);

    await page.goto("/organizations/policies/service-control-policy");
    await expect(page.getByText("Service control policies are enabled")).toBeVisible();
    await page.getByTestId("create-org-policy").click();
    await page.getByTestId("org-policy-name").locator("input").fill(SCP);
    await typeIntoEditor(page, SCP_DOC);
    await story.shot(
      "Write a service control policy",
      "An SCP that denies iam:CreateUser: it caps every account it applies to, whatever IAM allows.",
    );
    await page.getByTestId("save-org-policy").click();
    await expect(page.getByRole("heading", { name: SCP, level: 1 })).toBeVisible();
    await page.goto("/organizations/accounts");
    await page.getByRole("link", { name: OU, exact: true }).click();
    await page.getByRole("tab", { name: "Policies" }).click();
    await page.getByTestId("attach-service-control-policy").click();
    await page.getByRole("dialog").getByRole("row").filter({ hasText: SCP }).getByRole("radio").check();
    await page.getByRole("dialog").getByTestId("attach-policy-submit").click();
    await expect(page.getByText(`Policy ${SCP} was attached to ${OU}.`)).toBeVisible();
    await story.shot("Attach the SCP to the OU", `Attach ${SCP} to the ${OU} OU: the Dev account inherits it.`);

    // An administrator (root cannot switch roles) signs in and switches into Dev.
    await page.goto("/users/create");
    await page.locator("[data-hydrated]").waitFor({ timeout: 120_000 });
    await input(page, "user-name").fill(ADMIN);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByText("Custom password", { exact: true }).click();
    await input(page, "custom-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("password-reset-required").getByText("Users must create a new password").click();
    await next(page);
    await page.getByText("Attach policies directly", { exact: true }).click();
    await page.getByPlaceholder("Search policies by name").first().fill("AdministratorAccess");
    await page.getByRole("checkbox", { name: "AdministratorAccess", exact: true }).check();
    await next(page);
    await page.getByRole("button", { name: "Create user", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Retrieve password" })).toBeVisible();

    await openAccountMenu(page, /^root @ /);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await signInAsIamUser(page, ADMIN, ADMIN_PASSWORD, ACCOUNT);
    const adminMenu = `${ADMIN} @ ${SHOWN_ACCOUNT}`;
    await expect(accountMenu(page, adminMenu)).toBeVisible({ timeout: 90_000 });

    await page.goto("/switch-role");
    await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
    await switchField(page, "account").fill(devId);
    await switchField(page, "role-name").fill("OrganizationAccountAccessRole");
    await switchField(page, "display-name").fill("Dev admin");
    await page.getByRole("radio", { name: "Red" }).check();
    await story.shot("Switch role", "demo-admin switches into the Dev account through OrganizationAccountAccessRole, shown in red.");
    await page.getByTestId("switch-role-submit").click();
    await expect(accountMenu(page, "Dev admin")).toBeVisible({ timeout: 90_000 });

    await page.goto("/groups/create");
    await page.getByLabel("User group name").fill("dev-team");
    await page.getByTestId("create-group-submit").click();
    await expect(page.getByText("User group dev-team created.")).toBeVisible();
    await story.shot(
      "Working in Dev",
      "In Dev, as the role: creating a group is allowed; the header shows the role and the account in red.",
    );

    await page.goto("/users/create");
    await page.locator("[data-hydrated]").waitFor({ timeout: 120_000 });
    await submitBareUser(page, "dev-bob");
    await expect(createError(page)).toContainText("with an explicit deny in a service control policy");
    await story.shot("Refused by the SCP", "Creating a user in Dev is refused with AWS's message, naming the service control policy.");

    await openAccountMenu(page, "Dev admin");
    await story.shot("Role history", "The account menu: the active role, the role history and Switch back.");
    await page.getByRole("menu").getByRole("menuitem", { name: "Switch back" }).click();
    await expect(accountMenu(page, adminMenu)).toBeVisible({ timeout: 90_000 });
    await story.shot("Back home", "Switched back: demo-admin in the management account again.");
  } finally {
    console.log(`demo: narrated walkthrough written to ${story.write()}`);
  }
});
