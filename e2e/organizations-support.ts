import {
  AcceptHandshakeCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DescribeOrganizationCommand,
  EnablePolicyTypeCommand,
  InviteAccountToOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, revealStreamedSectionsIn } from "./fixtures";
import { field, openSignIn } from "./support/sign-in";

/** `next dev` compiles each route on its first visit (minutes on a busy machine); production answers at once. */
export const expect = baseExpect.configure({ timeout: 120_000 });

export const PASSWORD = "Orgs-root-Passw0rd!";

const client = (accessKeyId: string, secretAccessKey: string) =>
  new OrganizationsClient({ endpoint: process.env.E2E_AWS_URL, region: "us-east-1", credentials: { accessKeyId, secretAccessKey } });

/** Organizations as the default account's root user (the suite's signed-in user). */
export const managementClient = () => client("test", "test");

/**
 * The default account's organization with SCPs enabled on its root, created only if needed: specs share one local-aws
 * per run, and any of them may have created it already. Returns the root's ID.
 */
export async function ensureOrganization(org: OrganizationsClient): Promise<string> {
  try {
    await org.send(new DescribeOrganizationCommand({}));
  } catch (err) {
    if ((err as Error).name !== "AWSOrganizationsNotInUseException") throw err;
    await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  }
  const root = (await org.send(new ListRootsCommand({}))).Roots![0];
  if (!root.PolicyTypes?.some((t) => t.Type === "SERVICE_CONTROL_POLICY" && t.Status === "ENABLED"))
    await org.send(new EnablePolicyTypeCommand({ RootId: root.Id!, PolicyType: "SERVICE_CONTROL_POLICY" }));
  return root.Id!;
}

/** A standalone account of this local world (PUT /_clef/accounts/ID) whose root user can sign in to the console. */
export async function standaloneAccount(prefix: string) {
  const accountId = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
  const email = `${prefix}-${accountId}@example.com`.toLowerCase();
  const res = await fetch(`${process.env.E2E_AWS_URL}/_clef/accounts/${accountId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `${prefix}-${accountId}`, email, rootPassword: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`PUT /_clef/accounts/${accountId}: ${res.status} ${await res.text()}`);
  const keys = (await res.json()) as { rootAccessKeyId: string; rootSecretAccessKey: string };
  return { accountId, email, name: `${prefix}-${accountId}`, org: client(keys.rootAccessKeyId, keys.rootSecretAccessKey) };
}

/** The management account invites the account, which accepts: it joins the root as an INVITED member. */
export async function joinOrganization(management: OrganizationsClient, member: { accountId: string; org: OrganizationsClient }) {
  const { Handshake } = await management.send(
    new InviteAccountToOrganizationCommand({ Target: { Id: member.accountId, Type: "ACCOUNT" } }),
  );
  await member.org.send(new AcceptHandshakeCommand({ HandshakeId: Handshake!.Id! }));
}

export async function createOu(org: OrganizationsClient, parentId: string, name: string): Promise<string> {
  const r = await org.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
  return r.OrganizationalUnit!.Id!;
}

export const moveAccount = (org: OrganizationsClient, accountId: string, from: string, to: string) =>
  org.send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: from, DestinationParentId: to }));

/** A fresh browser context signed in as another account's root user (by its email), for its own console. */
export async function signInAsAccountRoot(browser: Browser, email: string): Promise<Page> {
  const context = revealStreamedSectionsIn(await browser.newContext({ storageState: { cookies: [], origins: [] } }));
  const page = await context.newPage();
  await openSignIn(page);
  await field(page, "signin-email").fill(email);
  await field(page, "signin-password").fill(PASSWORD);
  await page.getByTestId("signin-submit").click();
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 90_000 });
  return page;
}

/** The row of a root, OU or account in the AWS accounts hierarchy, by its name. */
export const treeRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

/** Selects a row of the hierarchy and runs an item of its Actions menu (e.g. "Create new", "Move"). */
export async function treeAction(page: Page, name: string, item: string) {
  await treeRow(page, name).getByRole("radio").check();
  await page.getByTestId("tree-actions").getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}
