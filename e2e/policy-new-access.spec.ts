import { CreatePolicyCommand, GetPolicyCommand, GetPolicyVersionCommand } from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { expect, findings, policyPage, typeIntoEditor, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const allow = (...actions: string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "arn:aws:s3:::reports/*" }] });

test("saving a broader v2 shows the new access with an example request and asks to confirm", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-new-access");
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: allow("s3:GetObject") }));
  const arn = Policy!.Arn!;

  await page.goto(policyPage(arn, "/edit"));
  await expect(page.getByRole("heading", { name: `Modify permissions in ${policyName}` })).toBeVisible();
  await waitForEditor(page);
  await typeIntoEditor(page, allow("s3:GetObject", "s3:PutObject"));
  await expect(findings(page)).toContainText("No errors");

  const warning = page.getByTestId("new-access-warning");
  await expect(warning).toContainText("This change grants new access");
  const row = warning.getByRole("row").filter({ hasText: "s3:PutObject" });
  await expect(row).toContainText("arn:aws:s3:::reports/example");
  await expect(row).toContainText("arn:aws:iam::000000000000:user/example-user");
  await expect(warning.getByRole("row")).toHaveCount(2);

  // Saving without confirming is refused; nothing is sent.
  await page.getByTestId("save-policy").click();
  await expect(warning).toContainText("Confirm that you reviewed the new access to save.");
  await page.screenshot({ path: "/tmp/policy-new-access-warning.png", fullPage: true });
  expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe("v1");

  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("save-policy").click();
  await expect(page.getByText(`Policy ${policyName} updated. Version v2 is now the default.`)).toBeVisible();
  const v2 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));
  expect(JSON.parse(decodeURIComponent(v2.PolicyVersion!.Document!)).Statement[0].Action).toEqual(["s3:GetObject", "s3:PutObject"]);

  // A narrower version grants nothing new: it says so and saves at once.
  await page.goto(policyPage(arn, "/edit"));
  await waitForEditor(page);
  await typeIntoEditor(page, allow("s3:PutObject"));
  await expect(page.getByTestId("new-access-pass")).toContainText("No new access");
  await page.screenshot({ path: "/tmp/policy-new-access-pass.png", fullPage: true });
  await page.getByTestId("save-policy").click();
  await expect(page.getByText(`Policy ${policyName} updated. Version v3 is now the default.`)).toBeVisible();
});

test("a 'must never be granted' check blocks saving a policy that allows iam:*, naming the check and the request", async ({
  page,
  iam,
  unique,
}) => {
  const checkName = unique("never-create-user");
  const policyName = unique("e2e-guardrail");
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: allow("s3:GetObject") }));
  const arn = Policy!.Arn!;

  await page.goto("/access-checks");
  await expect(page.getByRole("heading", { name: "Must never be granted" })).toBeVisible();
  await page.getByTestId("add-access-check").click();
  await page.getByTestId("access-check-name").locator("input").fill(checkName);
  await page.getByTestId("access-check-actions").locator("textarea").fill("iam:CreateUser");
  await page.getByTestId("add-access-check-submit").click();
  await expect(page.getByRole("row").filter({ hasText: checkName })).toContainText("iam:CreateUser");
  await page.screenshot({ path: "/tmp/policy-access-checks.png", fullPage: true });
  try {
    await page.goto(policyPage(arn, "/edit"));
    await waitForEditor(page);
    const iamAll = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] });
    await typeIntoEditor(page, iamAll);
    await expect(page.getByTestId("new-access-warning")).toContainText("iam:");
    await page.getByTestId("new-access-confirm").click();
    await page.getByTestId("save-policy").click();
    const error = page.getByText(`AccessCheckFailed: The policy grants access that the check "${checkName}" says must never be granted`).first();
    await expect(error).toBeVisible();
    await expect(error).toContainText("it allows iam:CreateUser on arn:aws:iam::000000000000:user/");
    await page.screenshot({ path: "/tmp/policy-access-check-blocked.png", fullPage: true });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe("v1");
  } finally {
    await page.goto("/access-checks");
    await page.getByRole("row").filter({ hasText: checkName }).getByRole("radio").check();
    await page.getByTestId("delete-access-check").click();
    await page.getByTestId("delete-confirm-input").locator("input").fill(checkName);
    await page.getByTestId("delete-confirm").click();
    await expect(page.getByText(`Access check ${checkName} deleted.`)).toBeVisible();
  }
});
