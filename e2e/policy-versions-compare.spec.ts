import { CreatePolicyCommand, CreatePolicyVersionCommand, GetPolicyCommand } from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { EDITOR_TIMEOUT, doc, expect, policyPage } from "./policies-support";

test.describe.configure({ timeout: 600_000 });

test("compare v1 with v2 side by side in Monaco's diff editor, then restore v1 from the comparison", async ({ page, iam, unique }) => {
  const policyName = unique("e2e-cmp");
  const v1 = doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" });
  // v2 is stored minified and v1 pretty-printed by the comparison alike: only the changed action differs.
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: JSON.stringify(JSON.parse(v1), null, 4) }),
  );
  const arn = Policy!.Arn!;
  await iam.send(
    new CreatePolicyVersionCommand({
      PolicyArn: arn,
      PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }),
      SetAsDefault: true,
    }),
  );

  await page.goto(policyPage(arn, "?tab=versions"));
  await expect(page.getByRole("row", { name: /v2 \(Default\)/ })).toBeVisible();
  await page.getByTestId("compare-versions").click();
  const compare = page.getByTestId("policy-version-compare");
  await expect(compare.getByTestId("compare-original-header")).toContainText("v1");
  await expect(compare.getByTestId("compare-modified-header")).toContainText("v2 (Default)");
  const diff = compare.locator(".monaco-diff-editor");
  await expect(diff).toBeVisible({ timeout: EDITOR_TIMEOUT });
  await expect(diff.locator(".editor.original .view-lines")).toContainText("s3:ListBucket");
  await expect(diff.locator(".editor.modified .view-lines")).toContainText("s3:GetObject");
  await expect(diff.locator(".editor.original .line-delete")).toHaveCount(1);
  await expect(diff.locator(".editor.modified .line-insert")).toHaveCount(1);
  await page.screenshot({ path: "/tmp/policy-versions-compare.png", fullPage: true });

  await compare.getByTestId("restore-version").click();
  await expect(page.getByText(`Version v1 is now the default version of ${policyName}.`)).toBeVisible();
  await expect(compare.getByTestId("compare-original-header")).toContainText("v1 (Default)");
  await expect(compare.getByTestId("restore-version")).toBeDisabled();
  await expect(page.getByRole("row", { name: /v1 \(Default\)/ })).toBeVisible();
  expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe("v1");
});
