import {
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteGroupCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { createError, expectOnStep, input, openWizard, removeUser, userExists } from "./users-create-helpers";

const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

test("checks the user name and a custom password as they are typed, next to the field", async ({ page }) => {
  await openWizard(page);
  await expectOnStep(page, "Specify user details");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(input(page, "user-name")).toHaveAccessibleDescription(/Enter a user name\./);
  await input(page, "user-name").fill("bad name!");
  await expect(input(page, "user-name")).toHaveAccessibleDescription(/Use alphanumeric and '\+=,\.@-_' characters\./);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expectOnStep(page, "Specify user details");
  await input(page, "user-name").fill("x".repeat(65));
  await expect(input(page, "user-name")).toHaveAccessibleDescription(/The user name can have up to 64 characters\./);

  await page.getByText("Provide user access to the AWS Management Console").click();
  await page.getByText("Custom password", { exact: true }).click();
  await input(page, "custom-password").fill("abc");
  await expect(input(page, "custom-password")).toHaveAccessibleDescription(/The password must be at least 8 characters long\./);
  await input(page, "custom-password").fill("abcdefghij");
  await expect(input(page, "custom-password")).toHaveAccessibleDescription(/at least three of these/);
  await page.screenshot({ path: "/tmp/users-create-invalid.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "/users/create (invalid name and password)");
  await input(page, "user-name").fill("good-name");
  await input(page, "custom-password").fill("Abcdefghij1");
  await expect(input(page, "user-name")).not.toHaveAccessibleDescription(/Use alphanumeric/);
  await expect(input(page, "custom-password")).not.toHaveAccessibleDescription(/The password must/);
});

test("shows AWS's EntityAlreadyExists when the name is taken, in the wizard and next to the name", async ({ page, iam, unique }) => {
  const name = unique("uce-taken");
  await iam.send(new CreateUserCommand({ UserName: name }));
  try {
    await openWizard(page);
    await input(page, "user-name").fill(name);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expectOnStep(page, "Set permissions");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expectOnStep(page, "Review and create");
    await page.getByRole("button", { name: "Create user", exact: true }).click();
    await expect(createError(page)).toHaveText(`User with name ${name} already exists.`);
    await page.screenshot({ path: "/tmp/users-create-exists.png", fullPage: true });
    await expectNoSeriousA11yViolations(page, "/users/create (EntityAlreadyExists)");
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(input(page, "user-name")).toHaveAccessibleDescription(new RegExp(`User with name ${name} already exists\\.`));
  } finally {
    await removeUser(page, name);
  }
});

test("a password the account policy rejects: checked as typed, and AWS's PasswordPolicyViolation rolls the user back", async ({
  page,
  iam,
  unique,
}) => {
  const name = unique("uce-weak");
  const group = unique("uce-group");
  await iam.send(new CreateGroupCommand({ GroupName: group }));
  try {
    await openWizard(page);
    await input(page, "user-name").fill(name);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByText("Custom password", { exact: true }).click();
    await input(page, "custom-password").fill("Str0ng-Passw0rd!");
    await expect(input(page, "custom-password")).toHaveAccessibleDescription(/Must be at least 8 characters long\./);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByPlaceholder("Search groups").fill(group);
    await page.getByRole("checkbox", { name: group }).check();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expectOnStep(page, "Review and create");

    // The policy changes after the form read it: AWS, not the form, refuses the password.
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 20, RequireSymbols: true }));
    await page.getByRole("button", { name: "Create user", exact: true }).click();
    await expect(createError(page)).toHaveText("Password does not conform to the account password policy.");
    expect(await userExists(iam, name)).toBe(false);

    await openWizard(page);
    await input(page, "user-name").fill(name);
    await page.getByText("Provide user access to the AWS Management Console").click();
    await page.getByText("Custom password", { exact: true }).click();
    await input(page, "custom-password").fill("Str0ng-Passw0rd!");
    await expect(input(page, "custom-password")).toHaveAccessibleDescription(/The password must be at least 20 characters long\./);
    await expect(input(page, "custom-password")).toHaveAccessibleDescription(/Must include at least one non-alphanumeric character/);
    await page.screenshot({ path: "/tmp/users-create-policy.png", fullPage: true });
  } finally {
    await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
    await removeUser(page, name);
    await iam.send(new DeleteGroupCommand({ GroupName: group }));
  }
});
