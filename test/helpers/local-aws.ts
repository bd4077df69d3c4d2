process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { startLocalAws, type LocalAws } from "../../local-aws/app";
import { configFromEnv, type LocalAwsConfig } from "../../local-aws/config";

export const ROOT_PASSWORD = "Root-password-for-tests-1";

export type Harness = {
  aws: LocalAws;
  config: LocalAwsConfig;
  iam: IAMClient;
  sts: STSClient;
  organizations: OrganizationsClient;
  client: (accessKeyId: string, secretAccessKey: string) => { iam: IAMClient; sts: STSClient; organizations: OrganizationsClient };
  reset: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts a real local-aws on a free port with its own data directory; clients use the root key. */
export async function startHarness(overrides: Partial<LocalAwsConfig> = {}): Promise<Harness> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "clef-test-"));
  const config = { ...configFromEnv({}), port: 0, dataDir, rootPassword: ROOT_PASSWORD, ...overrides };
  const aws = await startLocalAws(config);
  const client = (accessKeyId: string, secretAccessKey: string) => {
    const opts = { endpoint: aws.url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 };
    return { iam: new IAMClient(opts), sts: new STSClient(opts), organizations: new OrganizationsClient(opts) };
  };
  const root = client(config.rootAccessKeyId, config.rootSecretAccessKey);
  return {
    aws,
    config,
    ...root,
    client,
    reset: async () => {
      const res = await fetch(`${aws.url}/_clef/reset`, { method: "POST" });
      if (!res.ok) throw new Error(`reset failed: ${res.status}`);
    },
    stop: async () => {
      await aws.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Awaits a promise expected to fail with an AWS error; returns the error's name, message and status. */
export async function awsError(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
