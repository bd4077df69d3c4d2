import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand } from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

test("the access-key recommendation says when the credential report predates the account's users and their keys", async ({
  page,
  iam,
  unique,
}) => {
  await page.goto("/");
  // A report now exists: AWS (and local-aws) serve it for four hours, whatever is created afterwards.
  await expect(page.getByTestId("rec-access-keys")).toContainText("credential report generated");
  const names = [unique("cd-keys"), unique("cd-keys")];
  const keys: { UserName: string; AccessKeyId: string }[] = [];
  try {
    for (const UserName of names) {
      await iam.send(new CreateUserCommand({ UserName }));
      keys.push({ UserName, AccessKeyId: (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!.AccessKeyId! });
    }
    await page.reload();
    await expect(page.getByTestId("count-users")).toHaveText(/^\d+$/);
    const usersNow = Number(await page.getByTestId("count-users").textContent());
    const recommendation = page.getByTestId("rec-access-keys");
    await expect(recommendation).toContainText("in the report");
    await expect(page.getByTestId("credential-report-stale")).toContainText(`the account has ${usersNow} now`);
    await expect(page.getByTestId("credential-report-stale")).toContainText("checked in the next report");
    await page.screenshot({ path: "/tmp/console-defects-dashboard.png", fullPage: true });
  } finally {
    for (const k of keys) await iam.send(new DeleteAccessKeyCommand(k)).catch(() => undefined);
    for (const UserName of names) await iam.send(new DeleteUserCommand({ UserName })).catch(() => undefined);
  }
});
