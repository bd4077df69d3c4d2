import { test as base } from "@playwright/test";
import { IAMClient } from "@aws-sdk/client-iam";

/** Test data is arranged through the real SDK against the same local-aws the console uses, as the root user. */
export const test = base.extend<{ iam: IAMClient; unique: (prefix: string) => string }>({
  iam: async ({}, use) => {
    const iam = new IAMClient({
      endpoint: process.env.E2E_AWS_URL,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    await use(iam);
    iam.destroy();
  },
  unique: async ({}, use) => {
    await use((prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`);
  },
});

export { expect } from "@playwright/test";
