import { CreatePolicyCommand, DeletePolicyCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { policyPage, typeIntoEditor } from "./policies-support";
import { addActions, expect, policy } from "./simulator-support";

test.describe.configure({ timeout: 300_000 });

const panel = (page: Page) => page.getByTestId("policy-test-panel");
/** The result row with exactly this action (and resource) in its cells. */
const result = (page: Page, action: string, resource?: string) => {
  const rows = page
    .getByTestId("policy-test-results")
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: action, exact: true }) });
  return resource ? rows.filter({ has: page.getByRole("cell", { name: resource, exact: true }) }) : rows;
};

async function openPanel(page: Page) {
  await panel(page)
    .getByRole("button", { name: /Test this policy/ })
    .click();
  await expect(panel(page).getByTestId("policy-test-run")).toBeVisible();
}

test("test a draft policy on the create page before saving it: AWS's decisions per action", async ({ page }) => {
  await page.goto("/policies/create");
  await typeIntoEditor(
    page,
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
      ],
    }),
  );
  await openPanel(page);
  await panel(page).getByTestId("policy-test-run").click();
  await expect(panel(page).getByText("Choose at least one action.")).toBeVisible();

  await addActions(page, ["s3:GetObject", "s3:DeleteObject", "s3:PutObject"]);
  await panel(page).getByTestId("policy-test-run").click();
  await expect(result(page, "s3:GetObject")).toContainText("Allowed");
  await expect(result(page, "s3:GetObject")).toContainText("line 1");
  await expect(result(page, "s3:DeleteObject")).toContainText("Denied (explicit deny)");
  await expect(result(page, "s3:PutObject")).toContainText("Denied (implicit deny)");
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/policies-test-panel-create.png", fullPage: true });

  // A draft IAM would reject is reported, not simulated.
  await typeIntoEditor(page, JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] }));
  await panel(page).getByTestId("policy-test-run").click();
  await expect(panel(page).getByText("Policy statement must contain resources.")).toBeVisible();
});

test("test an edited version of a customer managed policy, with a wildcard and a resource ARN", async ({ page, iam, unique }) => {
  const policyName = unique("tp-edit");
  const { Policy } = await iam.send(
    new CreatePolicyCommand({
      PolicyName: policyName,
      PolicyDocument: policy({ Effect: "Allow", Action: "iam:GetUser", Resource: "arn:aws:iam::*:user/team/*" }),
    }),
  );
  try {
    await page.goto(policyPage(Policy!.Arn!, "/edit"));
    await expect(page.getByRole("heading", { name: `Modify permissions in ${policyName}` })).toBeVisible({ timeout: 120_000 });
    await openPanel(page);
    await addActions(page, ["iam:GetUser*"]);
    await panel(page)
      .getByTestId("policy-test-resources")
      .locator("textarea")
      .fill("arn:aws:iam::000000000000:user/team/alice\narn:aws:iam::000000000000:user/bob");
    await panel(page).getByTestId("policy-test-run").click();
    await expect(panel(page).getByTestId("simulator-selected-actions")).toContainText(/iam:GetUser\*\s*\d+ actions/);
    await expect(result(page, "iam:GetUser", "arn:aws:iam::000000000000:user/team/alice")).toContainText("Allowed");
    await expect(result(page, "iam:GetUser", "arn:aws:iam::000000000000:user/bob")).toContainText("Denied (implicit deny)");
    await page.screenshot({ path: "/tmp/policies-test-panel-edit.png", fullPage: true });
  } finally {
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn! }));
  }
});
