import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  type OrganizationFeatureSet,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { addRootAccessKey, newAccountId } from "../../local-aws/accounts";
import { unique, type Harness } from "./local-aws";

/** An Organizations error as the SDK surfaces it: exception name, message, Reason and HTTP status. */
export type OrgError = { name: string; message: string; reason?: string; status?: number };

export async function orgError(p: Promise<unknown>): Promise<OrgError> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; message: string; Reason?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, ...(e.Reason ? { reason: e.Reason } : {}), status: e.$metadata?.httpStatusCode };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The default account creates an organization; returns the root's ID. */
export async function createOrganization(h: Harness, featureSet?: OrganizationFeatureSet, types: PolicyType[] = []): Promise<string> {
  await h.organizations.send(new CreateOrganizationCommand({ FeatureSet: featureSet }));
  const { Roots } = await h.organizations.send(new ListRootsCommand({}));
  const rootId = Roots![0].Id!;
  for (const PolicyType of types) await h.organizations.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType }));
  return rootId;
}

/**
 * A member account made by CreateAccount, completed: with createAccountSeconds 0 the request settles on the next
 * request, which DescribeCreateAccountStatus is.
 */
export async function createMember(h: Harness, name = unique("acct")): Promise<{ accountId: string; email: string; requestId: string }> {
  const email = `${name}@example.com`;
  const { CreateAccountStatus } = await h.organizations.send(new CreateAccountCommand({ Email: email, AccountName: name }));
  const requestId = CreateAccountStatus!.Id!;
  const status = await h.organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }));
  if (status.CreateAccountStatus?.State !== "SUCCEEDED")
    throw new Error(`account not created: ${JSON.stringify(status.CreateAccountStatus)}`);
  return { accountId: status.CreateAccountStatus.AccountId!, email, requestId };
}

/**
 * Clients signed with root access keys of an account. AWS gives member accounts' root users no keys; tests give them
 * one to call as that account until role sessions reach it.
 */
export function rootClients(h: Harness, accountId: string) {
  const key = addRootAccessKey(h.aws.db, accountId, new Date());
  return h.client(key.accessKeyId, key.secretAccessKey);
}

/** A standalone account of this local world (a partner's), made by PUT /_clef/accounts/ID, with its root's keys. */
export async function standaloneAccount(h: Harness, email = `${unique("partner")}@example.com`) {
  const accountId = newAccountId(h.aws.db);
  const res = await fetch(`${h.aws.url}/_clef/accounts/${accountId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Partner", email }),
  });
  if (res.status !== 201) throw new Error(`PUT /_clef/accounts/${accountId}: ${res.status} ${await res.text()}`);
  const keys = (await res.json()) as { rootAccessKeyId: string; rootSecretAccessKey: string };
  return { accountId, email, ...h.client(keys.rootAccessKeyId, keys.rootSecretAccessKey) };
}
