import { AttachUserPolicyCommand, CreatePolicyCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { allPolicies, byName, count, matchesCount, shownNames, sortBy } from "./lists-support";
import { EDITOR_TIMEOUT, doc, expect, externalRequests, policyPage, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const choose = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option, exact: true }).click();
};

const table = (page: Page) => page.getByTestId("policies-table");

test("the Policies table counts, sorts and pages the whole list, and filters it by type, use and name", async ({ page, iam, unique }) => {
  const prefix = unique("e2e-list");
  const userName = unique("e2e-list-user");
  const statement = doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" });
  for (const n of ["used", "unused"])
    await iam.send(new CreatePolicyCommand({ PolicyName: `${prefix}-${n}`, PolicyDocument: statement, Description: `The ${n} one` }));
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: `arn:aws:iam::000000000000:policy/${prefix}-used` }));
  const all = await allPolicies(iam);
  const ofType = {
    "AWS managed": all.filter((p) => p.Arn!.startsWith("arn:aws:iam::aws:") && !p.Path!.startsWith("/job-function/")),
    "Customer managed": all.filter((p) => !p.Arn!.startsWith("arn:aws:iam::aws:")),
    "AWS managed - job function": all.filter((p) => p.Arn!.startsWith("arn:aws:iam::aws:") && p.Path!.startsWith("/job-function/")),
  };

  await page.goto("/policies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Policies (${count(all.length)})`);
  const descending = all.map((p) => p.PolicyName!).sort((a, b) => byName(b, a));
  await sortBy(table(page), "Policy name", "descending");
  await expect.poll(() => shownNames(table(page))).toEqual(descending.slice(0, 25));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByRole("button", { name: "Page 2" })).toHaveAttribute("aria-current", "true");
  await expect.poll(() => shownNames(table(page))).toEqual(descending.slice(25, 50));
  await page.screenshot({ path: "/tmp/lists-policies-descending-page-2.png" });

  for (const [type, policies] of Object.entries(ofType)) {
    await choose(page, "policy-type-filter", type);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Policies (${count(all.length)})`);
    await expect(page.getByRole("button", { name: "Page 1", exact: true })).toHaveAttribute("aria-current", "true");
    const names = policies.map((p) => p.PolicyName!).sort((a, b) => byName(b, a));
    await expect.poll(() => shownNames(table(page))).toEqual(names.slice(0, 25));
    await expect(table(page).locator("tbody tr td:nth-child(3)")).toHaveText(names.slice(0, 25).map(() => type));
    await page.screenshot({ path: `/tmp/lists-policies-${type.replace(/\W+/g, "-").toLowerCase()}.png` });
    // The last page holds the rest, so the filter kept exactly this type's policies.
    const pages = Math.ceil(names.length / 25);
    await page.getByRole("button", { name: `Page ${pages}`, exact: true }).click();
    await expect.poll(() => shownNames(table(page))).toEqual(names.slice((pages - 1) * 25));
  }
  await choose(page, "policy-type-filter", "All types");

  await page.getByPlaceholder("Search policies by name").fill(prefix.toUpperCase());
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(2);
  await expect(matchesCount(table(page), "2 matches")).toBeVisible();
  const used = page.getByRole("row", { name: new RegExp(`${prefix}-used`) });
  await expect(used).toContainText("Customer managed");
  await expect(used).toContainText("Permissions policy (1)");
  await expect(used).toContainText("The used one");
  await expect(page.getByRole("row", { name: new RegExp(`${prefix}-unused`) })).toContainText("Not used");
  await page.screenshot({ path: "/tmp/policies-list-filtered.png", fullPage: true });

  await choose(page, "policy-usage-filter", "Not used");
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(1);
  await expect(page.getByRole("link", { name: `${prefix}-unused` })).toBeVisible();
  await choose(page, "policy-usage-filter", "Permissions policy");
  await expect(page.getByRole("link", { name: `${prefix}-used` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(1);
  await choose(page, "policy-type-filter", "AWS managed");
  await expect(page.getByText("No policies match the filter.")).toBeVisible();

  await choose(page, "policy-usage-filter", "All uses");
  await choose(page, "policy-type-filter", "AWS managed - job function");
  await page.getByPlaceholder("Search policies by name").fill("ViewOnly");
  await expect(page.getByRole("row", { name: /ViewOnlyAccess/ })).toContainText("AWS managed - job function");
});

test("AWS managed ReadOnlyAccess is viewable but not editable, and Monaco loads without leaving localhost", async ({ page }) => {
  const external = externalRequests(page);
  await page.goto("/policies");
  await page.getByPlaceholder("Search policies by name").fill("ReadOnlyAccess");
  await sortBy(table(page), "Policy name", "descending");
  await page.getByRole("link", { name: "ReadOnlyAccess", exact: true }).click();
  await expect(page.getByRole("heading", { name: "ReadOnlyAccess", level: 1 })).toBeVisible();
  await expect(page.getByTestId("policy-type")).toHaveText("AWS managed");
  const lines = await waitForEditor(page);
  await expect(page.getByTestId("policy-editor")).toContainText('"Version": "2012-10-17"');
  await expect(page.getByTestId("edit-policy")).toHaveCount(0);
  await expect(page.getByTestId("delete-policy")).toHaveCount(0);
  await lines.click();
  await page.keyboard.type("xyz");
  await expect(page.getByText("Cannot edit in read-only editor").first()).toBeVisible();
  await expect(page.getByTestId("policy-editor")).not.toContainText("xyz");
  await page.screenshot({ path: "/tmp/policies-readonly.png", fullPage: true });

  await page.getByRole("tab", { name: "Policy versions" }).click();
  await expect(page.getByRole("row", { name: /\(Default\)/ })).toBeVisible();
  await expect(page.getByTestId("set-default-version")).toHaveCount(0);
  await page.getByRole("tab", { name: /Tags/ }).click();
  await expect(page.getByTestId("manage-tags")).toHaveCount(0);
  await page.goto(policyPage("arn:aws:iam::aws:policy/ReadOnlyAccess", "/edit"));
  await expect(page.getByText("ReadOnlyAccess is an AWS managed policy. AWS maintains it, so it can't be edited.")).toBeVisible({
    timeout: EDITOR_TIMEOUT,
  });
  expect(external, "no request left localhost while Monaco loaded").toEqual([]);
});
