import {
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  ListOpenIDConnectProvidersCommand,
} from "@aws-sdk/client-iam";
import { test, expect as baseExpect } from "./fixtures";

// Dev servers compile each page and route on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 40_000 });

const GITHUB = "token.actions.githubusercontent.com";
const GITHUB_ARN = `arn:aws:iam::000000000000:oidc-provider/${GITHUB}`;

test("add GitHub's OIDC provider, assign it a web identity role, see its ARN in the trust policy and the role on its page, delete both", async ({
  page,
  iam,
  unique,
}) => {
  // The account has one provider per URL: start from none.
  const existing = (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? [];
  if (existing.some((p) => p.Arn === GITHUB_ARN))
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB_ARN }));

  await page.goto("/");
  await page.getByTestId("count-providers").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Identity providers", level: 1 })).toBeVisible();
  // The header counts the providers once they have loaded.
  await expect(page.getByRole("heading", { name: /^Identity providers \(\d+\)$/, level: 1 })).toBeVisible();
  await page.screenshot({ path: "/tmp/idp-list.png", fullPage: true });
  // "Add provider" is a link styled as a button, as in the AWS console.
  await page.getByRole("link", { name: "Add provider" }).click();
  await page.getByText("OpenID Connect", { exact: true }).click();
  await page
    .getByTestId("provider-url")
    .locator("input")
    .fill("http://" + GITHUB);
  await page.getByTestId("provider-audience").locator("input").fill("sts.amazonaws.com");
  await page.getByTestId("add-provider-submit").click();
  await page.screenshot({ path: "/tmp/idp-add-form.png", fullPage: true });
  await expect(page.getByText("Enter a URL that begins with https:// and has no query or fragment.")).toBeVisible();
  await page.getByTestId("provider-url").locator("input").fill(`https://${GITHUB}`);
  await page.getByTestId("add-provider-submit").click();

  await expect(page.getByRole("heading", { name: GITHUB, level: 1 })).toBeVisible();
  await expect(page.getByText("sts.amazonaws.com")).toBeVisible();
  const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB_ARN }));
  expect(provider.ClientIDList).toEqual(["sts.amazonaws.com"]);
  await page.screenshot({ path: "/tmp/idp-detail.png", fullPage: true });

  // Adding it again: AWS's EntityAlreadyExists, verbatim.
  await page.goto("/identity-providers/create");
  await page.getByText("OpenID Connect", { exact: true }).click();
  await page.getByTestId("provider-url").locator("input").fill(`https://${GITHUB}`);
  await page.getByTestId("provider-audience").locator("input").fill("sts.amazonaws.com");
  await page.getByTestId("add-provider-submit").click();
  // Cloudscape repeats a Form's errorText in its live region: the first is the visible one.
  await expect(page.getByTestId("add-provider-error").first()).toContainText(`Provider with url https://${GITHUB} already exists.`);

  // Assign role: the wizard opens on Web identity with the provider chosen.
  await page.goto(`/identity-providers/details?arn=${encodeURIComponent(GITHUB_ARN)}`);
  await page.getByRole("button", { name: "Assign role" }).click();
  const preview = page.getByTestId("trust-policy-view");
  await expect(preview).toContainText(GITHUB_ARN);
  await page.getByTestId("web-identity-audience").locator("input").fill("sts.amazonaws.com");
  await expect(preview).toContainText(`"${GITHUB}:aud": "sts.amazonaws.com"`);
  await page.screenshot({ path: "/tmp/idp-role-wizard.png", fullPage: true });
  const roleName = unique("e2e-github");
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByTestId("role-name").locator("input").fill(roleName);
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  const statement = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0];
  expect(statement.Principal).toEqual({ Federated: GITHUB_ARN });
  expect(statement.Action).toBe("sts:AssumeRoleWithWebIdentity");
  await page.goto(`/roles/details/${roleName}?tab=trust`);
  await expect(page.getByTestId("trust-policy-view")).toContainText(GITHUB_ARN);

  // The provider's page lists the roles that trust it, each a link to the role.
  const providerPage = `/identity-providers/details?arn=${encodeURIComponent(GITHUB_ARN)}`;
  await page.goto(providerPage);
  const trusting = page.getByTestId("provider-roles");
  await expect(trusting.getByRole("link", { name: roleName })).toBeVisible();
  await expect(trusting.getByRole("heading", { name: /^Roles that trust this provider \(\d+\)$/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/idp-detail-roles.png", fullPage: true });
  await trusting.getByRole("link", { name: roleName }).click();
  await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  await page.goto(providerPage);
  await expect(page.getByRole("heading", { name: GITHUB, level: 1 })).toBeVisible();
  await expect(trusting.getByRole("heading", { name: /^Roles that trust this provider \(\d+\)$/ })).toBeVisible();
  await expect(trusting.getByRole("link", { name: roleName })).toHaveCount(0);

  // Delete, confirmed by typing the provider's name.
  await page.goto("/identity-providers");
  await page.getByRole("link", { name: GITHUB }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByPlaceholder(GITHUB).fill(GITHUB);
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByText(`Provider ${GITHUB} deleted.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Identity providers \(\d+\)$/, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: GITHUB })).toHaveCount(0);
  await expect(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB_ARN }))).rejects.toThrow(/not found/);
});
