import { CreateUserCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { allUsers, count, matchesCount, setPageSize, shownNames, sortBy } from "./lists-support";

test("the Users table counts the whole list, and filters, sorts and pages it", async ({ page, iam, unique }) => {
  const prefix = unique("listed");
  const names = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);
  for (const UserName of names) await iam.send(new CreateUserCommand({ UserName }));
  const total = (await allUsers(iam)).length;
  const table = page.getByTestId("users-table");

  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Users (${count(total)})`);
  await setPageSize(page, table, "10 users");
  await page.getByPlaceholder("Search users by name or ARN").fill(prefix.toUpperCase());
  await expect(matchesCount(table, "12 matches")).toBeVisible();
  await expect.poll(() => shownNames(table)).toEqual(names.slice(0, 10));
  await sortBy(table, "User name", "descending");
  await expect.poll(() => shownNames(table)).toEqual(names.toReversed().slice(0, 10));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => shownNames(table)).toEqual([names[1], names[0]]);
  // The page, its size, the search and the sort live in the URL: a reload (or a shared link) shows the same page.
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await page.reload();
  await expect.poll(() => shownNames(table)).toEqual([names[1], names[0]]);
  await expect(page.getByPlaceholder("Search users by name or ARN")).toHaveValue(prefix.toUpperCase());
  await table.getByRole("checkbox", { name: names[0] }).check();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Users (1/${count(total)})`);
  await page.screenshot({ path: "/tmp/lists-users.png" });

  await page.getByPlaceholder("Search users by name or ARN").fill(`${prefix}-05`);
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(1);
  await expect(matchesCount(table, "1 match")).toBeVisible();
});
