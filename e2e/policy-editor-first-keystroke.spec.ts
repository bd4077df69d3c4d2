import {
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import { editorDocument, expect, policyPage } from "./policies-support";

// Dev servers compile each page on first use, which can take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });

// Every form that saves a policy from the editor must send exactly what the editor shows, even when the user types the
// moment the editor appears. To type at that moment every time, the page calls back as soon as an editable editor is
// visible, focuses it and holds its main thread for a moment; the keystrokes sent meanwhile (select all, then the
// document) are then handled before any work React scheduled after showing the editor.
async function typeOnAppear(page: Page, text: string) {
  const cdp = await page.context().newCDPSession(page);
  const key = { modifiers: 2, key: "a", code: "KeyA", windowsVirtualKeyCode: 65 };
  // Only the first editor to appear is typed into: the form under test. Later ones (the saved policy's page) are not,
  // and a page closing while the test ends must not fail it.
  let typed = false;
  const quietly = (sent: Promise<unknown>) => void sent.catch(() => undefined);
  await page.exposeBinding("__clefEditorAppeared", () => {
    if (typed) return;
    typed = true;
    quietly(cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...key, commands: ["selectAll"] }));
    quietly(cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...key }));
    quietly(cdp.send("Input.insertText", { text }));
  });
  await page.addInitScript(() => {
    const seen = new WeakSet<Element>();
    new MutationObserver(() => {
      for (const editor of document.querySelectorAll('[data-testid="policy-editor"] .monaco-editor')) {
        const input = editor.querySelector<HTMLElement>(".native-edit-context, textarea:not([readonly])");
        if (seen.has(editor) || !input || !editor.checkVisibility() || editor.closest(".monaco-editor.readonly")) continue;
        seen.add(editor);
        input.focus();
        (window as unknown as { __clefEditorAppeared: () => void }).__clefEditorAppeared();
        const until = performance.now() + 1500;
        while (performance.now() < until);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

const decode = (s: string | undefined) => JSON.parse(decodeURIComponent(s!));
const trust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const allow = (action: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

async function expectEditorShows(page: Page, text: string) {
  await expect.poll(() => editorDocument(page), { timeout: 60_000 }).toEqual(JSON.parse(text));
}

test("the trust policy typed as the editor appears is the one saved", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-first-key-trust");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  const typed = trust("lambda.amazonaws.com");
  await typeOnAppear(page, typed);
  await page.goto(`/roles/details/${roleName}/edit-trust-policy`);
  await expectEditorShows(page, typed);
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("update-trust-policy").click();
  await expect(page.getByText(`Trust policy updated for ${roleName}.`)).toBeVisible();
  expect(decode((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.AssumeRolePolicyDocument)).toEqual(JSON.parse(typed));
});

test("a managed policy version typed as the editor appears is the one saved", async ({ page, iam, unique }) => {
  const name = unique("e2e-first-key-policy");
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: allow("s3:ListBucket") }))).Policy!.Arn!;
  const typed = allow("sqs:SendMessage");
  await typeOnAppear(page, typed);
  await page.goto(policyPage(arn, "/edit"));
  await expectEditorShows(page, typed);
  await page.getByTestId("new-access-confirm").click();
  await page.getByTestId("save-policy").click();
  await expect(page.getByText(`Policy ${name} updated.`, { exact: false })).toBeVisible();
  const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!;
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId! }));
  expect(decode(version.PolicyVersion!.Document)).toEqual(JSON.parse(typed));
});

const SNS = allow("sns:Publish");

test("a user's inline policy typed as the editor appears is the one saved", async ({ page, iam, unique }) => {
  const userName = unique("e2e-first-key-user");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await typeOnAppear(page, SNS);
  await page.goto(`/users/details/${userName}/create-inline-policy`);
  await expectEditorShows(page, SNS);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByLabel("Policy name").fill("first-key");
  await page.getByRole("button", { name: "Create policy", exact: true }).click();
  await expect(page.getByText("Policy first-key created.")).toBeVisible();
  const saved = await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: "first-key" }));
  expect(decode(saved.PolicyDocument)).toEqual(JSON.parse(SNS));
});

test("a group's inline policy typed as the editor appears is the one saved", async ({ page, iam, unique }) => {
  const groupName = unique("e2e-first-key-group");
  await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  await typeOnAppear(page, SNS);
  await page.goto(`/groups/details/${groupName}/create-inline-policy`);
  await expectEditorShows(page, SNS);
  await page.getByLabel("Policy name").fill("first-key");
  await page.getByTestId("inline-policy-submit").click();
  await expect(page.getByText("Policy first-key created.")).toBeVisible();
  const saved = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: "first-key" }));
  expect(decode(saved.PolicyDocument)).toEqual(JSON.parse(SNS));
});

test("a role's inline policy typed as the editor appears is the one saved", async ({ page, iam, unique }) => {
  const roleName = unique("e2e-first-key-role");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  await typeOnAppear(page, SNS);
  await page.goto(`/roles/details/${roleName}?tab=permissions`);
  await page.getByRole("button", { name: "Add permissions" }).click();
  await page.getByRole("menuitem", { name: "Create inline policy" }).click();
  const dialog = page.getByRole("dialog");
  await expectEditorShows(page, SNS);
  await dialog.getByTestId("inline-policy-name").locator("input").fill("first-key");
  await dialog.getByTestId("save-inline-policy").click();
  await expect(page.getByText(`Policy first-key created in ${roleName}.`)).toBeVisible();
  const saved = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: "first-key" }));
  expect(decode(saved.PolicyDocument)).toEqual(JSON.parse(SNS));
});
