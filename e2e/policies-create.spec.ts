import { CreatePolicyCommand, GetPolicyCommand, GetPolicyVersionCommand, ListPoliciesCommand } from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { doc, expect, externalRequests, findings, typeIntoEditor, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

test("create a policy by typing JSON: live findings, errors keep it on the editor step, name rules, then created", async ({
  page,
  iam,
  unique,
}) => {
  const external = externalRequests(page);
  const workers: string[] = [];
  const warnings: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  page.on("console", (m) => (m.type() === "warning" || m.type() === "error") && warnings.push(m.text()));
  const policyName = unique("e2e-pol");

  await page.goto("/policies");
  await expect(page.getByRole("link", { name: "AdministratorAccess", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies\/create$/);
  await waitForEditor(page);
  await expect(page.getByTestId("policy-editor")).toContainText('"Sid": "Statement1"');

  await typeIntoEditor(page, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",');
  await expect(findings(page)).toContainText("Syntax errors in policy.");
  await expect(page.getByTestId("policy-editor").locator(".squiggly-error").first()).toBeAttached();

  await typeIntoEditor(page, doc({ Effect: "Allow", Action: "s3:GetObject" }));
  await expect(findings(page)).toContainText("Policy statement must contain resources.");
  await expect(findings(page)).not.toContainText("Syntax errors");
  expect(workers.length, "Monaco runs its language service in web workers").toBeGreaterThan(0);
  expect(warnings.filter((w) => /falling back|Could not create web worker/i.test(w))).toEqual([]);
  await page.screenshot({ path: "/tmp/policies-create-findings.png", fullPage: true });

  // As in AWS's console, a policy with errors goes no further than the editor, its errors still listed.
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("policy-errors-blocked").first()).toHaveText("Resolve the errors in the policy before you continue.");
  await expect(findings(page)).toContainText("Policy statement must contain resources.");
  await expect(page.getByTestId("policy-name")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/policies-create-blocked.png", fullPage: true });

  const good = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::e2e-bucket/*" });
  await typeIntoEditor(page, good);
  await expect(findings(page)).toContainText("No errors");
  await expect(page.getByTestId("policy-errors-blocked")).toHaveCount(0);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const name = page.getByTestId("policy-name").locator("input");
  await name.fill("bad name!");
  await expect(page.getByText("Use alphanumeric and '+=,.@-_' characters.", { exact: true }).first()).toBeVisible();
  await name.fill(policyName);
  await expect(page.getByText("Use alphanumeric and '+=,.@-_' characters.", { exact: true })).toHaveCount(0);
  await page.getByTestId("policy-description").locator("textarea").fill("Reads one bucket");
  await page.getByRole("button", { name: "Add new tag" }).click();
  await page.getByPlaceholder("Enter key").fill("team");
  await page.getByPlaceholder("Enter value").fill("e2e");
  await page.screenshot({ path: "/tmp/policies-create-review.png", fullPage: true });
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`Policy ${policyName} created.`)).toBeVisible();
  await expect(page).toHaveURL(/\/policies$/);

  const listed = await iam.send(new ListPoliciesCommand({ Scope: "Local", MaxItems: 1000 }));
  const created = listed.Policies!.find((p) => p.PolicyName === policyName)!;
  const got = await iam.send(new GetPolicyCommand({ PolicyArn: created.Arn }));
  expect(got.Policy!.Description).toBe("Reads one bucket");
  expect(got.Policy!.Tags).toEqual([{ Key: "team", Value: "e2e" }]);
  const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: created.Arn, VersionId: "v1" }));
  expect(JSON.parse(decodeURIComponent(v1.PolicyVersion!.Document!))).toEqual(JSON.parse(good));
  expect(external, "no request left localhost while Monaco loaded").toEqual([]);
});

test("a duplicate name gets IAM's EntityAlreadyExists next to the name", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-dup");
  await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }) }),
  );
  await page.goto("/policies/create");
  await typeIntoEditor(page, doc({ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }));
  await expect(findings(page)).toContainText("No errors");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByTestId("policy-name").locator("input").fill(policyName);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`A policy called ${policyName} already exists. Duplicate names are not allowed.`).first()).toBeVisible();
  await page.getByTestId("policy-name").locator("input").fill(`${policyName}-2`);
  await expect(page.getByText("Duplicate names are not allowed.")).toHaveCount(0);
});
