import {
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { expect, policy } from "./simulator-support";

test.describe.configure({ timeout: 240_000 });

const READ_IAM = policy(
  { Sid: "ReadIam", Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" },
  { Sid: "OneBucket", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/*" },
  { Sid: "NoGetUser", Effect: "Deny", Action: "iam:GetUser", Resource: "*" },
);

const row = (page: Page, text: string | RegExp) => page.getByTestId("effective-table").getByRole("row").filter({ hasText: text });
/** The row with exactly `name` as a cell's text (an action, or an access level). */
const rowNamed = (page: Page, name: string) =>
  page
    .getByTestId("effective-table")
    .getByRole("row")
    .filter({ has: page.getByText(name, { exact: true }) });

/** With a boundary that allows only IAM actions, s3:GetObject is granted but not allowed. */
async function checkTab(page: Page, boundary: boolean) {
  const table = page.getByTestId("effective-table");
  await expect(page.getByTestId("effective-allowed")).toHaveText(boundary ? /^71 of [\d,]+$/ : /^72 of [\d,]+$/);
  await expect(row(page, "AWS Identity and Access Management (IAM)")).toContainText("Full: List Limited: Read");
  await expect(row(page, "Amazon S3")).toContainText(boundary ? "None" : "Limited: Read");

  await table.getByRole("button", { name: "Expand iam", exact: true }).click();
  await expect(rowNamed(page, "List")).toContainText("Full");
  await table.getByRole("button", { name: "Expand iam|Read", exact: true }).click();
  await expect(rowNamed(page, "iam:GetRole")).toContainText("Full");
  await expect(rowNamed(page, "iam:GetUser")).toContainText("Denied");

  await rowNamed(page, "iam:GetRole").getByRole("button", { name: "Statements for iam:GetRole" }).click();
  const statements = page.getByTestId("effective-statement");
  await expect(statements.first()).toContainText('Statement "ReadIam"');
  await expect(statements.first()).toContainText('"iam:Get*"');
  // The boundary's Allow is behind the action too.
  await expect(statements).toHaveCount(boundary ? 2 : 1);
  if (boundary) await expect(statements.last()).toContainText("Permissions boundary · Allow");
  await page.screenshot({ path: `/tmp/effective-permissions-${boundary ? "user" : "role"}.png`, fullPage: true });
  await page.keyboard.press("Escape");

  await table.getByRole("button", { name: "Expand s3", exact: true }).click();
  await table.getByRole("button", { name: "Expand s3|Read", exact: true }).click();
  await expect(rowNamed(page, "s3:GetObject")).toContainText(
    boundary ? "Not allowed by the permissions boundary" : "Partial: some resources",
  );
  await page.getByTestId("effective-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/effective-permissions-${boundary ? "user" : "role"}-s3.png` });
}

test("a user's effective permissions within its boundary: per service and access level, down to each action and its statement", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("eff-user");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "ReadIam", PolicyDocument: READ_IAM }));
  const { Policy } = await iam.send(
    new CreatePolicyCommand({
      PolicyName: unique("eff-boundary"),
      PolicyDocument: policy({ Effect: "Allow", Action: "iam:*", Resource: "*" }),
    }),
  );
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: userName, PermissionsBoundary: Policy!.Arn }));
  await page.goto(`/users/details/${userName}?section=effective_permissions`);
  await expect(page.getByRole("tab", { name: "Effective permissions" })).toHaveAttribute("aria-selected", "true", { timeout: 120_000 });
  await checkTab(page, true);
});

test("a role's effective permissions", async ({ page, iam, unique }) => {
  const roleName = unique("eff-role");
  const trust = policy({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "ReadIam", PolicyDocument: READ_IAM }));
  await page.goto(`/roles/details/${roleName}?tab=effective`);
  await expect(page.getByRole("tab", { name: "Effective permissions" })).toHaveAttribute("aria-selected", "true", { timeout: 120_000 });
  await checkTab(page, false);
});
