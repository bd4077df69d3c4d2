import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { expect, type Page } from "@playwright/test";
import { field, signInAsIamUser } from "./support/sign-in";

export const ACCOUNT = "000000000000";
/** The header and the menu show account IDs in groups of four, as AWS's do. */
export const SHOWN_ACCOUNT = "0000-0000-0000";
export const PASSWORD = "Switch-role-Passw0rd!";
export const READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

/** A standalone account of the e2e local-aws (PUT /_clef/accounts/ID) and an IAM client as its root user. */
export async function standaloneAccount(): Promise<{ accountId: string; iam: IAMClient }> {
  const accountId = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
  const res = await fetch(`${process.env.E2E_AWS_URL}/_clef/accounts/${accountId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `switch-role-${accountId}` }),
  });
  if (res.status !== 201) throw new Error(`PUT /_clef/accounts/${accountId}: ${res.status} ${await res.text()}`);
  const { rootAccessKeyId, rootSecretAccessKey } = (await res.json()) as { rootAccessKeyId: string; rootSecretAccessKey: string };
  const iam = new IAMClient({
    endpoint: process.env.E2E_AWS_URL,
    region: "us-east-1",
    credentials: { accessKeyId: rootAccessKeyId, secretAccessKey: rootSecretAccessKey },
  });
  return { accountId, iam };
}

/** A console user of the default account whose own policy allows sts:AssumeRole (and any other managed policies). */
export async function consoleUser(iam: IAMClient, userName: string, assumable: string, managed: string[] = []) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const PolicyDocument = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: assumable }],
  });
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "switch-role", PolicyDocument }));
  for (const PolicyArn of managed) await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
}

/** A role trusting `principal` (an ARN), with IAMReadOnlyAccess, optionally with a path or an external ID condition. */
export async function readOnlyRole(iam: IAMClient, roleName: string, principal: string, opts: { path?: string; externalId?: string } = {}) {
  const statement = {
    Effect: "Allow",
    Principal: { AWS: principal },
    Action: "sts:AssumeRole",
    ...(opts.externalId ? { Condition: { StringEquals: { "sts:ExternalId": opts.externalId } } } : {}),
  };
  await iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      Path: opts.path,
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }),
    }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: READ_ONLY }));
}

/** The header's account menu button (its label is who the console acts as). */
export const accountMenu = (page: Page, label: string | RegExp) => page.locator("#top-nav").getByRole("button", { name: label });

export async function signInAs(page: Page, userName: string) {
  await signInAsIamUser(page, userName, PASSWORD);
  await expect(accountMenu(page, `${userName} @ ${SHOWN_ACCOUNT}`)).toBeVisible({ timeout: 90_000 });
}

/** The Switch role page, once hydrated (the session is loaded: the switch needs it). */
export async function openSwitchRole(page: Page, url = "/switch-role") {
  await page.goto(url);
  await page.locator("form[data-hydrated]").waitFor({ timeout: 90_000 });
}

export const switchField = (page: Page, name: "account" | "role-name" | "display-name") => field(page, `switch-role-${name}`);
