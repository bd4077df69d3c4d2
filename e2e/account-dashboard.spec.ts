import { CreateUserCommand, DeleteAccountAliasCommand, DeleteUserCommand, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

/** Opens the header's account menu, again if a click lands before the page has hydrated. */
async function openAccountMenu(page: import("@playwright/test").Page, name: RegExp) {
  await expect(async () => {
    if (!(await page.getByRole("menuitem", { name: "Sign out" }).isVisible())) await page.getByRole("button", { name }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

const count = (page: import("@playwright/test").Page, key: string) => page.getByTestId(`count-${key}`);

test("the dashboard's IAM resource counts follow the account", async ({ page, iam, unique }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "IAM Dashboard" })).toBeVisible();
  await expect(count(page, "users")).toHaveText(/^\d+$/);
  const before = Number(await count(page, "users").textContent());
  const userName = unique("dash");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  try {
    await page.reload();
    await expect(count(page, "users")).toHaveText(String(before + 1));
    for (const key of ["groups", "roles", "policies", "providers"]) await expect(count(page, key)).toHaveText(/^\d+$/);
    await count(page, "users").getByRole("link").click();
    await expect(page).toHaveURL(/\/users$/);
  } finally {
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  }
});

test("security recommendations report the root user's MFA and access keys and the credential report", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("rec-root-mfa")).toContainText("Add MFA for root user");
  await expect(page.getByTestId("rec-root-keys")).toContainText("Root user has active access keys");
  await expect(page.getByTestId("rec-root-keys")).toContainText("Expected in local mode");
  await expect(page.getByTestId("rec-access-keys")).toContainText("credential report generated");
  await page.screenshot({ path: "/tmp/account-dashboard.png", fullPage: true });
});

test("the account alias is created, edited and deleted, with bad input and AWS's errors next to the field", async ({
  page,
  iam,
  unique,
}) => {
  for (const alias of (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases ?? []) {
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  }
  await page.goto("/");
  const input = page.getByTestId("alias-input").locator("input");
  await page.getByTestId("alias-create").click();
  await input.fill("Bad_Alias");
  await expect(input).toHaveAccessibleDescription(/Use only lowercase letters \(a-z\), numbers \(0-9\) and hyphens \(-\)\./);
  await input.fill("-abc");
  await expect(input).toHaveAccessibleDescription(/The alias can't start or end with a hyphen \(-\)\./);
  await input.fill("ab");
  await expect(input).toHaveAccessibleDescription(/The alias must have at least 3 characters\./);

  const alias = unique("clef-e2e").toLowerCase();
  await input.fill(alias);
  await expect(page.getByTestId("alias-preview")).toHaveText(new RegExp(`/signin\\?account=${alias}$`));
  await page.screenshot({ path: "/tmp/account-alias-modal.png" });
  await page.getByTestId("alias-save").click();
  await expect(page.getByTestId("account-alias")).toHaveText(alias);
  await expect(page.getByTestId("signin-url")).toContainText(`/signin?account=${alias}`);
  await expect(page.getByRole("button", { name: `root @ ${alias}` })).toBeVisible();

  // Creating the alias the account already has is refused by AWS: its words appear next to the field.
  await page.getByTestId("alias-edit").click();
  await page.getByTestId("alias-save").click();
  await expect(input).toHaveAccessibleDescription(new RegExp(`The account alias ${alias} already exists\\.`));

  const renamed = `${alias}-2`;
  await input.fill(renamed);
  await page.getByTestId("alias-save").click();
  await expect(page.getByTestId("account-alias")).toHaveText(renamed);
  await expect(page.getByRole("button", { name: `root @ ${renamed}` })).toBeVisible();

  await page.getByTestId("alias-delete").click();
  await page.getByTestId("delete-confirm-input").locator("input").fill(renamed);
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByTestId("account-alias")).toHaveText("-");
  await expect(page.getByTestId("alias-create")).toBeVisible();
  await expect(page.getByTestId("signin-url")).toContainText("/signin?account=000000000000");
  expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
});

test("the header menu shows the principal, the account and its ARN", async ({ page }) => {
  await page.goto("/");
  await openAccountMenu(page, /^root @ /);
  const menu = page.getByRole("menu");
  await expect(menu.getByText("0000-0000-0000")).toBeVisible();
  await expect(page.getByText("arn:aws:iam::000000000000:root").first()).toBeVisible();
  await expect(menu.getByText("Sign out")).toBeVisible();
  await page.screenshot({ path: "/tmp/account-header-menu.png" });
});
