import { CreateUserCommand, ListAttachedUserPoliciesCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { allPolicies, byName, count, sortBy } from "./lists-support";

test("the policy picker counts, filters by type, sorts and pages the whole list, keeping choices across pages", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("e2e-picker");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const all = await allPolicies(iam);
  const jobFunctions = all
    .filter((p) => p.Arn!.startsWith("arn:aws:iam::aws:") && p.Path!.startsWith("/job-function/"))
    .map((p) => p.PolicyName!)
    .sort((a, b) => byName(b, a));
  expect(jobFunctions.length, "AWS's job-function policies span two pages of 10").toBeGreaterThan(10);

  await page.goto(`/users/details/${encodeURIComponent(userName)}/add-permissions`);
  const picker = page.getByTestId("policy-picker");
  // A click that lands before the page has hydrated does nothing (CI saw it once): click until the picker shows.
  await expect(async () => {
    await page.getByText("Attach policies directly", { exact: true }).click();
    await expect(picker).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(picker.getByRole("heading", { name: /Permissions policies/ })).toHaveText(`Permissions policies (${count(all.length)})`);
  await picker.getByRole("button", { name: "Filter by type" }).click();
  await page.getByRole("option", { name: "AWS managed - job function", exact: true }).click();
  await sortBy(picker, "Policy name", "descending");
  const names = async () => (await picker.locator("tbody tr td:nth-child(2)").allTextContents()).map((t) => t.trim());
  await expect.poll(names).toEqual(jobFunctions.slice(0, 10));
  await picker.getByRole("checkbox", { name: jobFunctions[0] }).check();
  await picker.getByRole("button", { name: "Next page" }).click();
  await expect.poll(names).toEqual(jobFunctions.slice(10, 20));
  await picker.getByRole("checkbox", { name: jobFunctions[10] }).check();
  await expect(picker.getByRole("heading", { name: /Permissions policies/ })).toHaveText(`Permissions policies (2/${count(all.length)})`);
  await page.screenshot({ path: "/tmp/lists-policy-picker.png" });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const review = page.getByTestId("add-permissions-review");
  for (const name of [jobFunctions[0], jobFunctions[10]]) await expect(review).toContainText(name);
  await page.getByRole("button", { name: "Add permissions", exact: true }).click();
  await expect(page).toHaveURL(/section=permissions/);
  const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }));
  expect(attached.AttachedPolicies!.map((p) => p.PolicyName).sort()).toEqual([jobFunctions[0], jobFunctions[10]].sort());
});
