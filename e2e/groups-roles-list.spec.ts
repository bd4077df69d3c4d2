import { CreateGroupCommand, CreateRoleCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { allGroups, allRoles, count, matchesCount, setPageSize, shownNames, sortBy } from "./lists-support";

const LAMBDA_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

const twelve = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);

test("the User groups table counts the whole list, and filters, sorts and pages it", async ({ page, iam, unique }) => {
  const names = twelve(unique("listed-group"));
  for (const GroupName of names) await iam.send(new CreateGroupCommand({ GroupName }));
  const total = (await allGroups(iam)).length;
  const table = page.getByTestId("groups-table");

  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`User groups (${count(total)})`);
  await setPageSize(page, table, "10 user groups");
  await page.getByPlaceholder("Search groups by name").fill(names[0].slice(0, -3).toUpperCase());
  await expect(matchesCount(table, "12 matches")).toBeVisible();
  await sortBy(table, "Group name", "descending");
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(0, 10));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => shownNames(table)).toEqual([names[1], names[0]]);
  await page.screenshot({ path: "/tmp/lists-groups.png" });
});

test("the Roles table counts the whole list, and filters, sorts and pages it", async ({ page, iam, unique }) => {
  const names = twelve(unique("listed-role"));
  for (const RoleName of names) await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: LAMBDA_TRUST }));
  const total = (await allRoles(iam)).length;
  const table = page.getByTestId("roles-table");

  await page.goto("/roles");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Roles (${count(total)})`);
  await setPageSize(page, table, "10 roles");
  await page.getByPlaceholder("Search roles by name or description").fill(names[0].slice(0, -3).toUpperCase());
  await expect(matchesCount(table, "12 matches")).toBeVisible();
  await sortBy(table, "Role name", "descending");
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(0, 10));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => shownNames(table)).toEqual([names[1], names[0]]);
  await expect(table.getByRole("row", { name: new RegExp(names[0]) })).toContainText("AWS Service: lambda");
  await page.screenshot({ path: "/tmp/lists-roles.png" });
});
