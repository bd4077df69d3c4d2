import {
  CreateAccessKeyCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListUsersCommand,
  PutUserPolicyCommand,
  TagUserCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";

// Dev servers compile each page and route on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 40_000 });

async function openRole(page: Page, roleName: string, tab = "permissions") {
  await page.goto(`/roles/details/${roleName}?tab=${tab}`);
  await expect(page.getByRole("heading", { name: roleName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
}

test("a service-linked role is read-only, listed as AWS lists it, and Delete runs the deletion task", async ({ page, iam, unique }) => {
  const suffix = unique("e2e").replace(/-/g, "");
  const role = (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: suffix })))
    .Role!;
  const roleName = role.RoleName!;
  expect(roleName).toBe(`AWSServiceRoleForAutoScaling_${suffix}`);

  await page.goto("/roles");
  await page.getByPlaceholder("Search roles by name or description").fill(roleName);
  await expect(page.getByRole("row", { name: new RegExp(roleName) })).toContainText("AWS Service: autoscaling (Service-Linked Role)");

  await openRole(page, roleName);
  await expect(page.getByTestId("service-linked-role-alert")).toContainText("linked to autoscaling.amazonaws.com");
  await expect(page.getByTestId("remove-policies")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add permissions" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Set permissions boundary" })).toBeDisabled();
  await page.screenshot({ path: "/tmp/slr-role.png", fullPage: true });

  // The description may change; the maximum session duration may not.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Only the linked service can change a service-linked role's maximum session duration.")).toBeVisible();
  await expect(dialog.getByTestId("max-session-duration").getByRole("button")).toBeDisabled();
  await dialog.getByRole("textbox").fill("Scaling, described by the console");
  await dialog.getByTestId("save-role").click();
  await expect(page.getByText(`Role ${roleName} updated.`)).toBeVisible();
  expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.Description).toBe("Scaling, described by the console");

  await page.getByRole("tab", { name: "Trust relationships" }).click();
  await expect(page.getByRole("button", { name: "Edit trust policy" })).toBeDisabled();

  // Its Last Accessed tab: the services its policy allows, none used by this role yet.
  await page.getByRole("tab", { name: "Last Accessed" }).click();
  const advisor = page.getByTestId("access-advisor-services");
  await expect(advisor.getByRole("row", { name: /Amazon EC2/ }).first()).toContainText("Not accessed in the tracking period");
  await page.screenshot({ path: "/tmp/slr-role-last-accessed.png", fullPage: true });

  await page.getByTestId("delete-role").click();
  await expect(page.getByText("This is a service-linked role. IAM submits a deletion task")).toBeVisible();
  await page.getByTestId("delete-confirm-input").locator("input").fill(roleName);
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByText(`Role ${roleName} deleted. Deletion task status: SUCCEEDED.`)).toBeVisible();
  await expect(iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
});

test("Access Advisor shows the services an IAM user called, and an allowed one it never did", async ({ page, iam, unique }) => {
  const userName = unique("e2e-advisor");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: "advisor",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["iam:ListUsers", "iam:GetUser", "iam:TagUser", "iam:UntagUser", "sts:GetCallerIdentity", "s3:ListAllMyBuckets"],
            Resource: "*",
          },
        ],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  const config = {
    endpoint: process.env.E2E_AWS_URL,
    region: "us-east-1",
    credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
  };
  const asUser = new IAMClient(config);
  const sts = new STSClient(config);
  try {
    await asUser.send(new ListUsersCommand({}));
    await asUser.send(new GetUserCommand({}));
    await asUser.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: "team", Value: "blue" }] }));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(new RegExp(`:user/${userName}$`));
  } finally {
    asUser.destroy();
    sts.destroy();
  }

  await page.goto(`/users/details/${userName}?section=access_advisor`);
  await expect(page.getByRole("heading", { name: userName, level: 1, exact: true })).toBeVisible({ timeout: 60_000 });
  const services = page.getByTestId("access-advisor-services");
  const row = (name: string) => services.getByRole("row", { name: new RegExp(name) });
  const today = /Today \(\w{3}, \d{2} \w{3} \d{4}/;
  await expect(row("Identity and Access Management")).toContainText(today);
  await expect(row("Identity and Access Management")).toContainText(userName);
  await expect(row("Security Token Service")).toContainText(today);
  await expect(row("Amazon S3")).toContainText("Not accessed in the tracking period");
  await expect(row("Identity and Access Management")).toContainText("1 of 2 actions accessed");
  await page.screenshot({ path: "/tmp/slr-advisor.png", fullPage: true });

  // IAM tracks its management actions (not reads such as ListUsers): selecting it lists the allowed ones.
  await services.getByRole("radio", { name: "Select AWS Identity and Access Management (IAM)" }).check();
  const actions = page.getByTestId("access-advisor-actions");
  await expect(actions.getByRole("row", { name: /TagUser/ })).toContainText(today);
  await expect(actions.getByRole("row", { name: /UntagUser/ })).toContainText("Not accessed in the tracking period");
  await expect(actions.getByRole("row", { name: /ListUsers/ })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/slr-advisor-actions.png", fullPage: true });
});
