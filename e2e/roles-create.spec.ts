import {
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";

// Dev servers compile each page and route on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 40_000 });

const LAMBDA_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

async function fillEditor(page: Page, text: string) {
  await page.getByTestId("policy-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // Monaco auto-closes brackets; whatever it added is after the cursor.
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}

/** The wizard is interactive once the client-only preview editor has loaded. */
async function openWizard(page: Page) {
  await page.goto("/roles/create");
  await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
}

async function nameAndCreate(page: Page, roleName: string) {
  await page.getByTestId("role-name").locator("input").fill(roleName);
  await page.getByRole("button", { name: "Create role" }).click();
}

test("a role trusted by another account with external ID and MFA, with a managed policy", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-role-policy");
  const roleName = unique("e2e-cross-account");
  await iam.send(
    new CreatePolicyCommand({
      PolicyName: policyName,
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] }),
    }),
  );

  await openWizard(page);
  await page.getByText("AWS account", { exact: true }).click();
  await page.getByText("Another AWS account", { exact: true }).click();
  const accountId = page.getByTestId("trusted-account-id").locator("input");
  await accountId.fill("12345");
  await expect(page.getByText("The account ID must have exactly 12 digits.").first()).toBeVisible();
  await accountId.fill("12345abc");
  await expect(page.getByText("The account ID can contain only digits (0-9).").first()).toBeVisible();
  await next(page);
  await expect(page.getByRole("heading", { name: "Trusted entity type" })).toBeVisible();
  await accountId.fill("123456789012");
  await expect(page.getByText("The account ID must have exactly 12 digits.")).toHaveCount(0);
  await page.getByText("Require external ID", { exact: true }).click();
  await page.getByTestId("external-id").locator("input").fill("e2e-external-id");
  await page.getByText("Require MFA", { exact: true }).click();
  const preview = page.getByTestId("trust-policy-view");
  await expect(preview).toContainText('"sts:ExternalId": "e2e-external-id"');
  await expect(preview).toContainText('"aws:MultiFactorAuthPresent": "true"');
  await expect(preview).toContainText("arn:aws:iam::123456789012:root");
  await page.screenshot({ path: "/tmp/roles-wizard-account.png", fullPage: true });
  await next(page);

  await page.getByPlaceholder("Search policies by name").fill(policyName);
  await page
    .getByRole("row", { name: new RegExp(policyName) })
    .getByRole("checkbox")
    .check();
  await expect(page.getByRole("heading", { name: /^Permissions policies \(1\/[\d,]+\)$/ })).toBeVisible();
  await next(page);

  await page.getByTestId("role-name").locator("input").fill("bad name!");
  await expect(page.getByText("Use alphanumeric and '+=,.@-_' characters.").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: policyName })).toBeVisible();
  await page.screenshot({ path: "/tmp/roles-wizard-review.png", fullPage: true });
  await nameAndCreate(page, roleName);

  await expect(page).toHaveURL(/\/roles$/, { timeout: 60_000 });
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  await page.getByRole("button", { name: "View role" }).click();
  await expect(page.getByRole("heading", { name: roleName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(policyName, { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: "Trust relationships" }).click();
  const trust = page.getByTestId("trust-policy-view");
  await expect(trust).toContainText('"sts:ExternalId": "e2e-external-id"');
  await expect(trust).toContainText('"aws:MultiFactorAuthPresent": "true"');
  await expect(trust).toContainText("arn:aws:iam::123456789012:root");
  await page.screenshot({ path: "/tmp/roles-detail-trust.png", fullPage: true });

  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  const doc = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!));
  expect(doc.Statement[0].Condition).toEqual({
    StringEquals: { "sts:ExternalId": "e2e-external-id" },
    Bool: { "aws:MultiFactorAuthPresent": "true" },
  });
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual([policyName]);
});

test("a Lambda service role shows as trusted by the service in the Roles table", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-lambda");
  await openWizard(page);
  await page.getByTestId("trusted-service").click();
  await page.getByRole("option", { name: "Lambda" }).click();
  await expect(page.getByText("Allows Lambda functions to call AWS services on your behalf.")).toBeVisible();
  await expect(page.getByTestId("trust-policy-view")).toContainText("lambda.amazonaws.com");
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName);
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  await page.getByPlaceholder("Search roles by name or description").fill(roleName);
  const row = page.getByRole("row", { name: new RegExp(roleName) });
  await expect(row).toContainText("AWS Service: lambda");
  await page.screenshot({ path: "/tmp/roles-table.png", fullPage: true });
  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0].Principal).toEqual({
    Service: "lambda.amazonaws.com",
  });
});

test("an EC2 role gets an instance profile of the same name", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-ec2");
  await openWizard(page);
  await expect(page.getByText("Allows EC2 instances to call AWS services on your behalf.")).toBeVisible();
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName);
  await page.getByRole("button", { name: "View role" }).click();
  await expect(page.getByTestId("instance-profile-arn")).toContainText(`:instance-profile/${roleName}`, { timeout: 60_000 });
  // Not AWS's switch-role link (AWS's sign-in knows nothing of local-aws's accounts): this console's own page.
  await expect(page.getByTestId("role-arn")).toContainText(`:role/${roleName}`);
  await expect(page.getByTestId("switch-role-link")).toContainText(`/switch-role?account=000000000000&roleName=${roleName}&`);
  await page.screenshot({ path: "/tmp/roles-detail.png", fullPage: true });
  const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: roleName }));
  expect(profile.InstanceProfile?.Roles?.map((r) => r.RoleName)).toEqual([roleName]);
});

test("a custom trust policy: a live finding keeps it on step 1; a principal only IAM can check gets AWS's MalformedPolicyDocument verbatim", async ({
  page,
  iam,
  unique,
}) => {
  const roleName = unique("e2e-custom");
  await openWizard(page);
  await page.getByText("Custom trust policy", { exact: true }).click();
  await fillEditor(
    page,
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "not-a-service" }, Action: "sts:AssumeRole" }],
    }),
  );
  await expect(page.getByText('Invalid principal in policy: "SERVICE":"not-a-service"').first()).toBeVisible();
  await next(page);
  await expect(page.getByText("Resolve the errors in the policy before you continue.").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Select trusted entity", level: 1 })).toBeVisible();
  await expect(page.getByTestId("role-name")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/roles-wizard-blocked.png", fullPage: true });

  // Whether a role exists is IAM's to say: the grammar passes it, AWS refuses it.
  const missing = `arn:aws:iam::000000000000:role/${roleName}-missing`;
  await fillEditor(
    page,
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: missing }, Action: "sts:AssumeRole" }] }),
  );
  await expect(page.getByText("Resolve the errors in the policy before you continue.")).toHaveCount(0);
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName);
  const alert = page.getByTestId("create-role-error");
  await expect(alert).toContainText("MalformedPolicyDocument");
  await expect(alert).toContainText(`Invalid principal in policy: "AWS":"${missing}"`);
  await page.screenshot({ path: "/tmp/roles-wizard-malformed.png", fullPage: true });
  await expect(iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toThrow(/cannot be found/);
});

test("a role name that already exists is AWS's EntityAlreadyExists next to the name", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-dup");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: LAMBDA_TRUST }));
  await openWizard(page);
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName.toUpperCase());
  await expect(page.getByText(`Role with name ${roleName.toUpperCase()} already exists.`).first()).toBeVisible();
});

test("a failure after CreateRole rolls the role back: nothing is half-written", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-rollback");
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: roleName }));
  await openWizard(page);
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName);
  await expect(page.getByTestId("create-role-error")).toContainText("EntityAlreadyExists");
  await expect(iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toThrow(/cannot be found/);
});

test("web identity and SAML 2.0 federation: fields checked as typed, the trust policy generated", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-web");
  await openWizard(page);
  await page.getByText("SAML 2.0 federation", { exact: true }).click();
  await page.getByTestId("saml-provider-arn").locator("input").fill("arn:aws:iam::123:saml-provider/Okta");
  await expect(page.getByText("Enter an ARN like arn:aws:iam::123456789012:saml-provider/MyProvider.").first()).toBeVisible();
  await page.getByTestId("saml-provider-arn").locator("input").fill("arn:aws:iam::123456789012:saml-provider/Okta");
  const preview = page.getByTestId("trust-policy-view");
  await expect(preview).toContainText('"SAML:aud": "https://signin.aws.amazon.com/saml"');
  await expect(preview).toContainText("sts:AssumeRoleWithSAML");

  await page.getByText("Web identity", { exact: true }).click();
  await page.getByTestId("web-identity-provider").click();
  await page.getByRole("option", { name: /Google/ }).click();
  await next(page);
  await expect(page.getByText("Enter the audience.").first()).toBeVisible();
  await page.getByTestId("web-identity-audience").locator("input").fill("my-client-id.apps.googleusercontent.com");
  await expect(preview).toContainText('"accounts.google.com:aud": "my-client-id.apps.googleusercontent.com"');
  await page.screenshot({ path: "/tmp/roles-wizard-web-identity.png", fullPage: true });
  await next(page);
  await next(page);
  await nameAndCreate(page, roleName);
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  const statement = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0];
  expect(statement.Principal).toEqual({ Federated: "accounts.google.com" });
  expect(statement.Action).toBe("sts:AssumeRoleWithWebIdentity");
});
