import {
  AttachPolicyCommand,
  DeleteOrganizationalUnitCommand,
  DeletePolicyCommand,
  DetachPolicyCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  RemoveAccountFromOrganizationCommand,
} from "@aws-sdk/client-organizations";
import { test } from "./fixtures";
import {
  createOu,
  ensureOrganization,
  expect,
  joinOrganization,
  managementClient,
  moveAccount,
  standaloneAccount,
} from "./organizations-support";
import { findings, typeIntoEditor, waitForEditor } from "./policies-support";

// One story, in order: an SCP written in the editor, attached to an OU, inherited by the account in it.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const org = managementClient();
const DENY_CREATE_USER = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }],
});
const state = { rootId: "", ouId: "", ou: "", policy: "", policyId: "", account: { accountId: "", name: "" } };

test.beforeAll(async () => {
  state.rootId = await ensureOrganization(org);
  const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  state.ou = `Guardrails-${u}`;
  state.policy = `DenyCreateUser-${u}`;
  // An invited account (no wait period to leave), so the run's account quota is given back afterwards.
  const member = await standaloneAccount("scp");
  await joinOrganization(org, member);
  state.account = member;
  state.ouId = await createOu(org, state.rootId, state.ou);
  await moveAccount(org, member.accountId, state.rootId, state.ouId);
});

test.afterAll(async () => {
  // The account leaves and the OU goes first: their attachments go with them, so no node is left without an SCP.
  await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: state.account.accountId }));
  await org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: state.ouId }));
  const { Policies } = await org.send(new ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }));
  const mine = Policies?.find((p) => p.Name === state.policy);
  if (mine) {
    const { Targets } = await org.send(new ListTargetsForPolicyCommand({ PolicyId: mine.Id! }));
    for (const t of Targets ?? []) await org.send(new DetachPolicyCommand({ PolicyId: mine.Id!, TargetId: t.TargetId! }));
    await org.send(new DeletePolicyCommand({ PolicyId: mine.Id! }));
  }
});

test("writes an SCP in the editor: live findings, the 5,120-character meter, then CreatePolicy", async ({ page }) => {
  await page.goto("/organizations/policies/service-control-policy");
  await expect(page.getByText("Service control policies are enabled")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "FullAWSAccess" })).toContainText("AWS managed");
  await page.getByTestId("create-org-policy").click();
  await page.getByTestId("org-policy-name").locator("input").fill(state.policy);

  await typeIntoEditor(
    page,
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"iam:CreateUser","Resource":"*"}]}',
  );
  await expect(findings(page)).toContainText("Policy document should not specify a principal.");
  await page.getByTestId("save-org-policy").click();
  await expect(page.getByTestId("org-policy-form-error").first()).toHaveText("Resolve the errors in the policy before you continue.");

  await typeIntoEditor(page, DENY_CREATE_USER);
  await expect(findings(page)).toHaveText("No errors. The policy matches the service control policy grammar.");
  await expect(page.getByTestId("policy-size")).toHaveText(`${DENY_CREATE_USER.length} / 5,120 characters`);
  // AWS counts every character, whitespace included: trailing spaces alone take the policy past the limit.
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(" ".repeat(5120 - DENY_CREATE_USER.length + 1));
  await expect(page.getByTestId("policy-size")).toContainText("5,121 / 5,120 characters — 1 over the limit.");
  await expect(page.getByTestId("save-org-policy")).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath("scp-over-limit.png"), fullPage: true });
  await page.keyboard.press("Backspace");
  await expect(page.getByTestId("policy-size")).toHaveText("5,120 / 5,120 characters");
  await expect(page.getByTestId("save-org-policy")).toBeEnabled();

  await typeIntoEditor(page, DENY_CREATE_USER);
  await page.getByTestId("save-org-policy").click();
  await expect(page.getByRole("heading", { name: state.policy, level: 1 })).toBeVisible();
  state.policyId = page.url().split("/").pop()!;
  expect(state.policyId).toMatch(/^p-[0-9a-z]+$/);
  await waitForEditor(page);
  await expect(page.getByTestId("policy-size")).toHaveText(`${DENY_CREATE_USER.length} / 5,120 characters`);
});

test("attaches it to the OU, where the account in it inherits it", async ({ page }) => {
  await page.goto(`/organizations/organizational-units/${state.ouId}`);
  await page.getByRole("tab", { name: "Policies" }).click();
  await expect(page).toHaveURL(/\?tab=policies$/);
  await page.getByTestId("attach-service-control-policy").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("row").filter({ hasText: state.policy }).getByRole("radio").check();
  await dialog.getByTestId("attach-policy-submit").click();
  await expect(page.getByText(`Policy ${state.policy} was attached to ${state.ou}.`)).toBeVisible();

  await page.goto(`/organizations/accounts/${state.account.accountId}?tab=policies`);
  const inherited = page.getByTestId(`inherited-service-control-policy-${state.ouId}`);
  await expect(inherited).toContainText(`Inherited from organizational unit ${state.ou}`);
  await expect(inherited).toContainText(state.policy);
  await expect(inherited).toContainText("FullAWSAccess");
  await expect(page.getByTestId(`inherited-service-control-policy-${state.rootId}`)).toContainText("FullAWSAccess");
  await page.screenshot({ path: test.info().outputPath("account-inherited-scps.png"), fullPage: true });
});

test("AWS's attach and detach refusals reach the user verbatim", async ({ page }) => {
  // Attached meanwhile by someone else: AttachPolicy answers DuplicatePolicyAttachment.
  await page.goto(`/organizations/accounts/${state.account.accountId}?tab=policies`);
  await page.getByTestId("attach-service-control-policy").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("row").filter({ hasText: state.policy }).getByRole("radio").check();
  await org.send(new AttachPolicyCommand({ PolicyId: state.policyId, TargetId: state.account.accountId }));
  await dialog.getByTestId("attach-policy-submit").click();
  await expect(dialog.getByTestId("attach-policy-error")).toContainText("DuplicatePolicyAttachment");
  await expect(dialog.getByTestId("attach-policy-error")).toContainText("A policy with the specified name and type already exists.");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Every OU keeps at least one SCP.
  await page.goto(`/organizations/organizational-units/${state.ouId}?tab=policies`);
  const attached = page.getByTestId("attached-service-control-policy");
  await attached.getByRole("row").filter({ hasText: "FullAWSAccess" }).getByRole("radio").check();
  await page.getByTestId("detach-service-control-policy").click();
  await page.getByTestId("detach-policy-confirm").click();
  await expect(page.getByText(`Policy FullAWSAccess was detached from ${state.ou}.`)).toBeVisible();
  await expect(attached.getByRole("row").filter({ hasText: "FullAWSAccess" })).toHaveCount(0);
  await attached.getByRole("row").filter({ hasText: state.policy }).getByRole("radio").check();
  await page.getByTestId("detach-service-control-policy").click();
  await page.getByTestId("detach-policy-confirm").click();
  const refusal = page.getByRole("dialog");
  await expect(refusal).toContainText("ConstraintViolation");
  await expect(refusal).toContainText(
    "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.",
  );
  await page.screenshot({ path: test.info().outputPath("detach-last-scp.png") });
  await refusal.getByRole("button", { name: "Cancel" }).click();

  // A policy still attached can't be deleted.
  await page.goto(`/organizations/policies/service-control-policy/${state.policyId}`);
  await page.getByTestId("delete-org-policy").click();
  await page.getByTestId("typed-confirm-input").locator("input").fill(state.policy);
  await page.getByTestId("delete-org-policy-confirm").click();
  await expect(page.getByRole("dialog")).toContainText("PolicyInUse");
  await expect(page.getByRole("dialog")).toContainText(
    "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
  );
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // The Targets tab lists the OU and the account; detaching from the account there leaves the OU.
  await page.getByRole("tab", { name: "Targets" }).click();
  await expect(page).toHaveURL(/\?tab=targets$/);
  const targets = page.getByTestId("policy-targets");
  await expect(targets.getByRole("row").filter({ hasText: state.ou })).toContainText("Organizational unit");
  await targets.getByRole("row").filter({ hasText: state.account.accountId }).getByRole("radio").check();
  await page.getByTestId("detach-target").click();
  await page.getByTestId("detach-policy-confirm").click();
  await expect(page.getByText(`Policy ${state.policy} was detached from ${state.account.name}.`)).toBeVisible();
  await expect(targets.getByRole("row").filter({ hasText: state.account.accountId })).toHaveCount(0);
  await expect(targets.getByRole("row").filter({ hasText: state.ou })).toBeVisible();
});

test("AWS managed policies are read-only", async ({ page }) => {
  await page.goto("/organizations/policies/service-control-policy/p-FullAWSAccess");
  await expect(page.getByRole("heading", { name: "FullAWSAccess", level: 1 })).toBeVisible();
  await expect(page.getByText("An AWS managed policy: AWS maintains it, so it can't be edited or deleted.")).toBeVisible();
  await expect(page.getByTestId("edit-org-policy")).toHaveCount(0);
  await expect(page.getByTestId("delete-org-policy")).toHaveCount(0);
});

test("resource control policies are enabled and disabled on the root, and the root returns to how it was", async ({ page }) => {
  const { Roots } = await org.send(new ListRootsCommand({}));
  const wasEnabled = !!Roots![0].PolicyTypes?.some((t) => t.Type === "RESOURCE_CONTROL_POLICY");
  await page.goto("/organizations/policies");
  await page.getByRole("link", { name: "Resource control policies" }).click();
  const toggle = async (enable: boolean) => {
    if (enable) await page.getByTestId("enable-policy-type").click();
    else {
      await page.getByTestId("disable-policy-type").click();
      await page.getByTestId("disable-policy-type-confirm").click();
    }
    await expect(page.getByText(`Resource control policies are ${enable ? "enabled" : "disabled"}`, { exact: true })).toBeVisible();
  };
  await toggle(!wasEnabled);
  if (!wasEnabled) await expect(page.getByRole("row").filter({ hasText: "RCPFullAWSAccess" })).toContainText("AWS managed");
  await toggle(wasEnabled);
});
