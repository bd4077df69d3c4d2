import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 240_000 });

const OTHER = "111122223333";

test("the Trust relationships tab says in words who can assume the role, above the policy", async ({ page, iam, unique }) => {
  const roleName = unique("words");
  const Statement = [
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "Unicorn-7" } },
    },
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ];
  await iam.send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement }) }),
  );
  await page.goto(`/roles/details/${roleName}?tab=trust`);
  const summary = page.getByTestId("trust-summary");
  await expect(summary.getByRole("listitem")).toHaveText([
    `IAM users and roles of account ${OTHER} whose own policies allow sts:AssumeRole can assume the role, with external ID Unicorn-7.`,
    "The service lambda.amazonaws.com can assume the role.",
  ]);
  await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible();
  await page.screenshot({ path: "/tmp/switch-role-trust-tab.png", fullPage: true });
});

test("the role wizard's AWS account choice says who could assume the role", async ({ page }) => {
  await page.goto("/roles/create");
  await expect(page.getByTestId("trust-policy-view").locator(".monaco-editor")).toBeVisible({ timeout: 90_000 });
  await page.getByText("AWS account", { exact: true }).click();
  const summary = page.getByTestId("trust-summary");
  await expect(summary).toContainText("IAM users and roles of this account whose own policies allow sts:AssumeRole can assume the role.");
  await page.getByText("Another AWS account", { exact: true }).click();
  await expect(summary).toHaveCount(0);
  await page.getByTestId("trusted-account-id").locator("input").fill(OTHER);
  await page.getByText("Require external ID", { exact: true }).click();
  await page.getByTestId("external-id").locator("input").fill("Unicorn-7");
  await page.getByText("Require MFA", { exact: true }).click();
  await expect(summary).toContainText(
    `IAM users and roles of account ${OTHER} whose own policies allow sts:AssumeRole can assume the role, with external ID Unicorn-7 and signed in with MFA.`,
  );
  await page.screenshot({ path: "/tmp/switch-role-wizard-account.png", fullPage: true });
});
