import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  GetPolicyCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
} from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { doc, expect, findings, policyPage, typeIntoEditor, waitForEditor } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

const statement = (action: string) => doc({ Effect: "Allow", Action: action, Resource: "*" });

test("edit saves v2 as the default; at 5 versions the console deletes the oldest non-default one first", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-ver");
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: statement("s3:ListBucket") }));
  const arn = Policy!.Arn!;

  await page.goto(policyPage(arn));
  await expect(page.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("policy-type")).toHaveText("Customer managed");
  await waitForEditor(page);
  await expect(page.getByTestId("policy-editor")).toContainText("s3:ListBucket");
  await page.getByTestId("edit-policy").click();
  await expect(page.getByRole("heading", { name: `Modify permissions in ${policyName}` })).toBeVisible();
  await waitForEditor(page);
  await typeIntoEditor(page, statement("s3:GetObject"));
  await expect(findings(page)).toContainText("No errors");
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("save-policy").click();
  await expect(page.getByText(`Policy ${policyName} updated. Version v2 is now the default.`)).toBeVisible();
  await expect(page.getByText("The default version, v2, defines the permissions of this policy.")).toBeVisible();
  await expect(page.getByTestId("policy-editor")).toContainText("s3:GetObject");

  for (const action of ["sqs:SendMessage", "sns:Publish", "ec2:DescribeInstances"]) {
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: statement(action), SetAsDefault: false }));
  }
  await page.getByTestId("edit-policy").click();
  await expect(page.getByText("This policy has 5 versions, the most IAM allows.")).toBeVisible();
  await typeIntoEditor(page, statement("dynamodb:GetItem"));
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("save-policy").click();
  await expect(page.getByRole("heading", { name: "Policy version limit reached" })).toBeVisible();
  await page.screenshot({ path: "/tmp/policies-version-limit.png", fullPage: true });
  await page.getByTestId("delete-oldest-and-save").click();
  await expect(page.getByText(`Policy ${policyName} updated. Version v6 is now the default.`)).toBeVisible();
  const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
  expect(versions.Versions!.map((v) => v.VersionId).sort()).toEqual(["v2", "v3", "v4", "v5", "v6"]);
  expect(versions.Versions!.find((v) => v.IsDefaultVersion)!.VersionId).toBe("v6");

  // Policy versions tab: set v3 as default, delete v4 (typing its ID), view a version.
  await page.getByRole("tab", { name: "Policy versions" }).click();
  await expect(page.getByRole("row", { name: /v6 \(Default\)/ })).toBeVisible();
  await page.getByRole("row", { name: /^.*v3/ }).getByRole("radio").check();
  await page.getByTestId("set-default-version").click();
  await expect(page.getByText(`Version v3 is now the default version of ${policyName}.`)).toBeVisible();
  await expect(page.getByRole("row", { name: /v3 \(Default\)/ })).toBeVisible();
  await page.getByRole("row", { name: /^.*v4/ }).getByRole("radio").check();
  await page.getByTestId("delete-version").click();
  await page.getByTestId("delete-confirm-input").locator("input").fill("v4");
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByText(`Version v4 of ${policyName} deleted.`)).toBeVisible();
  await page.getByRole("link", { name: "v5", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Version v5" })).toBeVisible();
  await expect(page.getByTestId("policy-editor").last()).toContainText("ec2:DescribeInstances", { timeout: 60_000 });
  await page.screenshot({ path: "/tmp/policies-versions-tab.png", fullPage: true });
  expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe("v3");
});

test("tags of a customer managed policy are edited with IAM's tag rules", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-tags");
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: statement("s3:ListBucket"), Tags: [{ Key: "old", Value: "1" }] }),
  );
  await page.goto(policyPage(Policy!.Arn!, "?tab=tags"));
  await expect(page.getByRole("tab", { name: "Tags (1)" })).toBeVisible();
  await page.getByTestId("manage-tags").click();
  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Add new tag" }).click();
  await page.getByPlaceholder("Enter key").fill("aws:reserved");
  await expect(page.getByText("Keys can't start with 'aws:'.").first()).toBeVisible();
  await page.getByPlaceholder("Enter key").fill("owner");
  await page.getByPlaceholder("Enter value").fill("platform");
  await page.getByTestId("save-tags").click();
  await expect(page.getByText(`Tags of ${policyName} saved.`)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Tags (1)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "platform" })).toBeVisible();
  const tags = await iam.send(new ListPolicyTagsCommand({ PolicyArn: Policy!.Arn! }));
  expect(tags.Tags).toEqual([{ Key: "owner", Value: "platform" }]);
});
