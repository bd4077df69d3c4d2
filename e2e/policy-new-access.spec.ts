import {
  CreatePolicyCommand,
  CreateRoleCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  PutRolePermissionsBoundaryCommand,
} from "@aws-sdk/client-iam";
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
    // Shown before saving too; the server refuses the save on its own.
    const failing = page.getByTestId("access-check-failures");
    await expect(failing).toContainText(`“${checkName}” says this must never be granted, and the policy allows iam:CreateUser`);
    await page.getByTestId("new-access-confirm").click();
    await page.getByTestId("save-policy").click();
    const error = page
      .getByText(`AccessCheckFailed: The policy grants access that the check "${checkName}" says must never be granted`)
      .first();
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

const trust = (principal: Record<string, string>) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });

test("editing a trust policy names the principals that become able to assume the role", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-new-principal");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust({ Service: "ec2.amazonaws.com" }) }));
  await page.goto(`/roles/details/${roleName}/edit-trust-policy`);
  await expect(page.getByRole("heading", { name: "Edit trust policy", level: 1 })).toBeVisible();
  await waitForEditor(page);
  await typeIntoEditor(page, trust({ Service: "ec2.amazonaws.com", AWS: "arn:aws:iam::444455556666:root" }));

  const warning = page.getByTestId("new-access-warning");
  const row = warning.getByRole("row").filter({ hasText: "Account 444455556666" });
  await expect(row).toContainText("sts:AssumeRole");
  await expect(row).toContainText(`arn:aws:iam::000000000000:role/${roleName}`);
  await expect(warning.getByRole("row").filter({ hasText: "ec2.amazonaws.com" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/policy-new-access-trust.png", fullPage: true });
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("update-trust-policy").click();
  await expect(page.getByText(`Trust policy updated for ${roleName}.`)).toBeVisible();
  const saved = decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.AssumeRolePolicyDocument!);
  expect(JSON.parse(saved).Statement[0].Principal.AWS).toBe("arn:aws:iam::444455556666:root");
});

test("changing a role's permissions boundary to a broader policy shows what it lets through and asks to confirm", async ({
  page,
  iam,
  unique,
}) => {
  const roleName = unique("e2e-boundary-change");
  const narrow = unique("e2e-boundary-narrow");
  const broad = unique("e2e-boundary-broad");
  const narrowArn = (await iam.send(new CreatePolicyCommand({ PolicyName: narrow, PolicyDocument: allow("s3:GetObject") }))).Policy!.Arn!;
  await iam.send(new CreatePolicyCommand({ PolicyName: broad, PolicyDocument: allow("s3:GetObject", "s3:DeleteObject") }));
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust({ Service: "lambda.amazonaws.com" }) }));
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: narrowArn }));

  await page.goto(`/roles/details/${roleName}?tab=permissions`);
  await page.getByRole("button", { name: "Change boundary" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByPlaceholder("Search policies by name").fill(broad);
  await dialog
    .getByRole("row", { name: new RegExp(broad) })
    .getByRole("radio")
    .check();
  const warning = dialog.getByTestId("new-access-warning");
  await expect(warning).toContainText(`Compared with the current boundary (${narrow})`);
  await expect(warning.getByRole("row").filter({ hasText: "s3:DeleteObject" })).toContainText("arn:aws:s3:::reports/example");
  await page.getByTestId("set-boundary").click();
  await expect(warning).toContainText("Confirm that you reviewed the new access to save.");
  await page.screenshot({ path: "/tmp/policy-new-access-boundary.png" });
  await dialog.getByTestId("new-access-confirm").click();
  await page.getByTestId("set-boundary").click();
  await expect(page.getByTestId("boundary-name")).toHaveText(broad);
});
