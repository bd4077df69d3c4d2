import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient, type Credentials } from "@aws-sdk/client-sts";
import type { Harness } from "./local-aws";

export type Clients = { iam: IAMClient; sts: STSClient };

/** IAM and STS clients signed with temporary credentials (an STS Credentials structure). */
export function sessionClients(h: Harness, c: Credentials | undefined): Clients {
  const credentials = { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! };
  const opts = { endpoint: h.aws.url, region: "us-east-1", credentials, maxAttempts: 1 };
  return { iam: new IAMClient(opts), sts: new STSClient(opts) };
}

/** A standalone account (PUT /_clef/accounts/ID) and clients signed with its root's generated key. */
export async function standaloneAccount(h: Harness, accountId: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${h.aws.url}/_clef/accounts/${accountId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`PUT /_clef/accounts/${accountId}: ${res.status} ${await res.text()}`);
  const out = (await res.json()) as { rootAccessKeyId: string; rootSecretAccessKey: string };
  return { ...out, ...h.client(out.rootAccessKeyId, out.rootSecretAccessKey) };
}

export const trustPolicy = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

export const trusting = (principal: Record<string, unknown> | "*", actions: string | string[] = "sts:AssumeRole", Condition?: unknown) => ({
  Effect: "Allow",
  Principal: principal === "*" ? "*" : principal,
  Action: actions,
  ...(Condition ? { Condition } : {}),
});
