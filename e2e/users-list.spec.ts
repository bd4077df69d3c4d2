import { CreateUserCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";

test("the users table lists users created through the API and filters them on the server", async ({ page, iam, unique }) => {
  const prefix = unique("listed");
  for (const n of ["a", "b", "c"]) await iam.send(new CreateUserCommand({ UserName: `${prefix}-${n}` }));
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: /^Users/ })).toBeVisible();
  await page.getByPlaceholder("Search users by name or ARN").fill(prefix);
  await expect(page.getByRole("link", { name: `${prefix}-a` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(3);
  await page.getByPlaceholder("Search users by name or ARN").fill(`${prefix}-b`);
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(1);
});
