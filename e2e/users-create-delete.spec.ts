import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";
import { enableVirtualMfa, userExists } from "./users-create-helpers";

const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }] });

test("deletes several users with their keys, MFA, groups and policies, with progress, without a reload", async ({ page, iam, unique }) => {
  const prefix = unique("ucx");
  const group = `${prefix}-group`;
  // IAM names may hold + = , . @ _ -: the last one checks they survive the URL.
  const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}+c=d,e@f.g_h`];
  await iam.send(new CreateGroupCommand({ GroupName: group }));
  for (const n of names) await iam.send(new CreateUserCommand({ UserName: n }));
  const [full] = names;
  await iam.send(new CreateLoginProfileCommand({ UserName: full, Password: "Str0ng-Passw0rd!", PasswordResetRequired: false }));
  await iam.send(new CreateAccessKeyCommand({ UserName: full }));
  await iam.send(new AddUserToGroupCommand({ UserName: full, GroupName: group }));
  await iam.send(new AttachUserPolicyCommand({ UserName: full, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
  await iam.send(new PutUserPolicyCommand({ UserName: full, PolicyName: "inline", PolicyDocument: doc }));
  const serial = await enableVirtualMfa(iam, full);
  try {
    await page.goto("/users");
    await page.getByPlaceholder("Search users by name or ARN").fill(prefix);
    await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(3);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await expect(page.getByTestId("delete-users")).toBeDisabled();
    for (const n of names) await page.getByRole("checkbox", { name: n }).check();
    await page.getByTestId("delete-users").click();

    const modal = page.getByRole("dialog");
    await expect(modal.getByText("Delete 3 users?")).toBeVisible();
    await expect(modal.getByTestId("delete-users-list").getByRole("listitem")).toHaveCount(3);
    await expect(modal.getByTestId("delete-confirm")).toBeDisabled();
    await modal.getByTestId("delete-confirm-input").locator("input").fill("delete");
    await page.screenshot({ path: "/tmp/users-create-delete-modal.png", fullPage: true });
    await modal.getByTestId("delete-confirm").click();

    await expect(page.getByText(/Deleting [123] of 3 users/).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/users-create-delete-progress.png", fullPage: true });
    await expect(page.getByText("3 users deleted.")).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(0);
    await expect(page.getByText("No users match the filter.")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    for (const n of names) expect(await userExists(iam, n)).toBe(false);
    const devices = await iam.send(new ListVirtualMFADevicesCommand({}));
    expect(devices.VirtualMFADevices?.some((d) => d.SerialNumber === serial)).toBe(false);
  } finally {
    for (const n of names) await page.request.delete(`/api/users/${encodeURIComponent(n)}`);
    await iam.send(new DeleteGroupCommand({ GroupName: group }));
  }
});

test("reports each user that couldn't be deleted with AWS's message", async ({ page, iam, unique }) => {
  const prefix = unique("ucy");
  const names = [`${prefix}-kept`, `${prefix}-gone`];
  for (const n of names) await iam.send(new CreateUserCommand({ UserName: n }));
  try {
    await page.goto("/users");
    await page.getByPlaceholder("Search users by name or ARN").fill(prefix);
    await expect(page.getByRole("link", { name: new RegExp(prefix) })).toHaveCount(2);
    for (const n of names) await page.getByRole("checkbox", { name: n }).check();
    // Someone else deletes one of them meanwhile: AWS answers NoSuchEntity for it.
    await iam.send(new DeleteUserCommand({ UserName: names[1] }));
    await page.getByTestId("delete-users").click();
    await page.getByRole("dialog").getByTestId("delete-confirm-input").locator("input").fill("delete");
    await page.getByRole("dialog").getByTestId("delete-confirm").click();

    await expect(page.getByText("Couldn't delete 1 of 2 users")).toBeVisible();
    await expect(page.getByTestId("delete-failures")).toHaveText(`${names[1]}: The user with name ${names[1]} cannot be found.`);
    await page.screenshot({ path: "/tmp/users-create-delete-failure.png", fullPage: true });
    expect(await userExists(iam, names[0])).toBe(false);
  } finally {
    for (const n of names) await page.request.delete(`/api/users/${encodeURIComponent(n)}`);
  }
});
