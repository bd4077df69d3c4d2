import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetUserCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
} from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { doc, expect, policyPage } from "./policies-support";
import { byName, matchesCount, setPageSize, shownNames, sortBy } from "./lists-support";

test.describe.configure({ timeout: 600_000 });

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

test("attach a policy to a user from Entities attached, then detach it", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-ent");
  const userName = unique("e2e-ent-user");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }) }),
  );
  const arn = Policy!.Arn!;

  await page.goto(policyPage(arn, "?tab=entities"));
  await expect(page.getByText("No entities use this policy.")).toBeVisible();
  await page.getByTestId("attach-policy").click();
  const modal = page.getByRole("dialog");
  await modal.getByPlaceholder("Search users by name").fill(userName);
  await modal
    .getByRole("row", { name: new RegExp(userName) })
    .getByRole("checkbox")
    .check();
  await expect(modal.getByText("(1 selected)")).toBeVisible();
  await page.screenshot({ path: "/tmp/policies-attach-modal.png", fullPage: true });
  await page.getByTestId("attach-policy-confirm").click();
  await expect(page.getByText(`Policy ${policyName} attached to 1 entity.`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(userName) });
  await expect(row).toContainText("Permissions policy");
  await expect(row).toContainText("User");
  const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }));
  expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([arn]);

  await row.getByRole("checkbox").check();
  await page.getByTestId("detach-policy").click();
  await page.getByTestId("detach-policy-confirm").click();
  await expect(page.getByText(`Policy ${policyName} detached from 1 entity.`)).toBeVisible();
  await expect(page.getByText("No entities use this policy.")).toBeVisible();
  expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }))).AttachedPolicies).toEqual([]);
});

test("Entities attached counts every entity, and filters, sorts and pages the whole list", async ({ page, iam, unique }) => {
  const prefix = unique("e2e-many");
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: prefix, PolicyDocument: doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }) }),
  );
  const PolicyArn = Policy!.Arn!;
  const users = Array.from({ length: 24 }, (_, i) => `${prefix}-u${String(i).padStart(2, "0")}`);
  for (const UserName of users) {
    await iam.send(new CreateUserCommand({ UserName }));
    await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn }));
  }
  await iam.send(new CreateGroupCommand({ GroupName: `${prefix}-g` }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: `${prefix}-g`, PolicyArn }));
  await iam.send(new CreateRoleCommand({ RoleName: `${prefix}-r`, AssumeRolePolicyDocument: TRUST }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: `${prefix}-r`, PolicyArn }));
  await iam.send(new CreateUserCommand({ UserName: `${prefix}-b`, PermissionsBoundary: PolicyArn }));
  const names = [...users, `${prefix}-g`, `${prefix}-r`, `${prefix}-b`].sort(byName);
  const table = page.getByTestId("policy-entities-table");

  await page.goto(policyPage(PolicyArn, "?tab=entities"));
  await expect(table.getByRole("heading", { level: 2 })).toHaveText("Entities attached (27)");
  await setPageSize(page, table, "10 entities");
  await expect.poll(() => shownNames(table)).toEqual(names.slice(0, 10));
  await table.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => shownNames(table)).toEqual(names.slice(10, 20));
  await sortBy(table, "Entity name", "descending");
  await table.getByRole("button", { name: "Page 3", exact: true }).click();
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(20));
  await sortBy(table, "Attached as", "ascending");
  await expect(table.locator("tbody tr").first()).toContainText("Permissions boundary");
  await expect(table.locator("tbody tr").first()).toContainText(`${prefix}-b`);
  await page.screenshot({ path: "/tmp/policies-entities-sorted.png" });

  await table.getByPlaceholder("Search entities by name").fill(`${prefix}-R`);
  await expect(matchesCount(table, "1 match")).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`${prefix}-r`) })).toContainText("Role");
  await page.screenshot({ path: "/tmp/policies-entities-filtered.png" });
  await table.getByPlaceholder("Search entities by name").fill(`${prefix}-nobody`);
  await expect(table.getByText("No entities match the filter.")).toBeVisible();
  await page.screenshot({ path: "/tmp/policies-entities-no-match.png" });
});

test("deleting a policy in use: the console detaches it, removes the boundary and old versions first", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-del");
  const roleName = unique("e2e-del-role");
  const userName = unique("e2e-del-user");
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }),
  );
  const arn = Policy!.Arn!;
  await iam.send(
    new CreatePolicyVersionCommand({
      PolicyArn: arn,
      PolicyDocument: doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }),
      SetAsDefault: true,
    }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: TRUST }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
  await iam.send(new CreateUserCommand({ UserName: userName, PermissionsBoundary: arn }));

  await page.goto(policyPage(arn, "?tab=entities"));
  await expect(page.getByRole("row", { name: new RegExp(roleName) })).toContainText("Permissions policy");
  await expect(page.getByRole("row", { name: new RegExp(userName) })).toContainText("Permissions boundary");
  await page.getByTestId("delete-policy").click();
  const modal = page.getByRole("dialog");
  await expect(modal).toContainText("detach it from 1 entity");
  await expect(modal).toContainText("remove it as the permissions boundary of 1 entity");
  await expect(modal).toContainText("delete its 1 non-default version");
  await page.screenshot({ path: "/tmp/policies-delete-modal.png", fullPage: true });
  await expect(page.getByTestId("delete-confirm")).toBeDisabled();
  await page.getByTestId("delete-confirm-input").locator("input").fill(policyName);
  await page.getByTestId("delete-confirm").click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(page.getByText(`Policy ${policyName} deleted.`)).toBeVisible();

  await expect(iam.send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))).AttachedPolicies).toEqual([]);
  expect((await iam.send(new GetUserCommand({ UserName: userName }))).User!.PermissionsBoundary).toBeUndefined();
});

test("a step IAM refuses is reported in its words and the policy is kept", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-delfail");
  const userName = unique("e2e-delfail-user");
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }),
  );
  const arn = Policy!.Arn!;
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await page.goto(policyPage(arn));
  await expect(page.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
  // Another administrator attaches the policy just before the console's DeletePolicy reaches IAM.
  await page.route(
    (url) => url.pathname === `/api/policies/${encodeURIComponent(arn)}`,
    async (route) => {
      if (route.request().method() === "DELETE") await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: arn }));
      await route.continue();
    },
  );
  await page.getByTestId("delete-policy").click();
  await page.getByTestId("delete-confirm-input").locator("input").fill(policyName);
  await page.getByTestId("delete-confirm").click();
  const failures = page.getByTestId("delete-policy-failures");
  await expect(failures).toContainText("Delete the policy: DeleteConflict: Cannot delete a policy attached to entities.");
  await page.screenshot({ path: "/tmp/policies-delete-conflict.png", fullPage: true });
  expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.PolicyName).toBe(policyName);
});
