import {
  AttachUserPolicyCommand,
  CreateUserCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 60_000 });

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

test("AWS's ReadOnlyAccess: its actions of retired services are one quiet line; a genuinely unknown action still warns", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("cd-retired");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY }));
  try {
    await page.goto(`/users/details/${userName}?section=effective_permissions`);
    await expect(page.getByTestId("effective-allowed")).toBeVisible({ timeout: 120_000 });
    const retired = page.getByTestId("effective-retired");
    await expect(retired).toContainText(/\d+ actions of retired services \(.*AWS DeepComposer.*\) match nothing\./);
    await expect(retired).toContainText("AWS IoT 1-Click");
    await expect(page.getByText("Unrecognized actions")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/console-defects-effective-retired.png" });

    const typo = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObjekt", Resource: "*" }] });
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "typo", PolicyDocument: typo }));
    await page.reload();
    const warning = page.getByText("Unrecognized actions");
    await expect(warning).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText("s3:GetObjekt in typo (no such action)")).toBeVisible();
    await page.screenshot({ path: "/tmp/console-defects-effective-unknown.png" });
    await expect(page.getByText(/deepcomposer:/)).toHaveCount(0);
    await expect(retired).toBeVisible();
  } finally {
    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: "typo" })).catch(() => undefined);
    await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY })).catch(() => undefined);
    await iam.send(new DeleteUserCommand({ UserName: userName })).catch(() => undefined);
  }
});
