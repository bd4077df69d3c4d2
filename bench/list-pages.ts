process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import "../test/helpers/server-only";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { CreateGroupCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { listUsersPage } from "../lib/server/services/users";
import { listGroupsPage } from "../lib/server/services/groups";
import { listRolesPage } from "../lib/server/services/roles";
import { listPoliciesPage } from "../lib/server/services/policies";
import { policiesPageSchema, usersPageSchema } from "../lib/schemas/list-page";
import type { Principal } from "../lib/server/principal";
import { percentile } from "./stats";

// The console's list routes' services (what GET /api/users?page=...&sort=...&filter=... runs) against a local-aws
// child process holding a large account. BENCH_ENDPOINT=http://127.0.0.1:4900 reuses one already seeded.
const N = { users: 10_000, groups: 2_000, roles: 5_000, policies: 3_000 };
const PORT = Number(process.env.BENCH_PORT ?? 4900);
const RUNS = 10;
const credentials = { accessKeyId: "test", secretAccessKey: "test" };

async function startLocalAws(): Promise<{ url: string; stop: () => void }> {
  if (process.env.BENCH_ENDPOINT) return { url: process.env.BENCH_ENDPOINT, stop: () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), "clef-bench-list-pages-"));
  const child = spawn(process.execPath, ["--import", "tsx", "local-aws/server.ts"], {
    env: { ...process.env, LOCAL_AWS_PORT: String(PORT), CLEF_DATA_DIR: dataDir, LOCAL_AWS_QUOTA_USERS_PER_ACCOUNT: String(N.users) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ok) => child.stdout!.on("data", (d: Buffer) => /listening/.test(String(d)) && ok()));
  return { url: `http://127.0.0.1:${PORT}`, stop: () => (child.kill("SIGTERM"), rmSync(dataDir, { recursive: true, force: true })) };
}

/** Creates n entities, 64 requests in flight; stops at the account's quota (LimitExceeded) and says how many it made. */
async function seed(n: number, make: (i: number) => Promise<unknown>): Promise<number> {
  let made = 0;
  let full = false;
  for (let start = 0; start < n && !full; start += 64) {
    const batch = Array.from({ length: Math.min(64, n - start) }, (_, i) => make(start + i));
    for (const r of await Promise.allSettled(batch)) {
      if (r.status === "fulfilled") made++;
      else if ((r.reason as Error).name === "LimitExceededException") full = true;
      else if ((r.reason as Error).name !== "EntityAlreadyExistsException") throw r.reason;
    }
  }
  return made;
}

async function time(label: string, fn: () => Promise<{ items: unknown[]; matches: number; total: number }>) {
  const samples: number[] = [];
  let last = { items: [] as unknown[], matches: 0, total: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${label.padEnd(58)} p50 ${f(percentile(samples, 50)).padStart(6)} ms  max ${f(samples.at(-1)!).padStart(6)} ms  (${last.items.length} of ${last.matches}/${last.total})`,
  );
}

async function main() {
  const aws = await startLocalAws();
  process.env.CLEF_AWS_ENDPOINT = aws.url;
  const principal: Principal = {
    type: "root",
    arn: "arn:aws:iam::000000000000:root",
    accountId: "000000000000",
    credentials: { ...credentials, expiration: 0 },
  };
  const iam = new IAMClient({
    endpoint: aws.url,
    region: "us-east-1",
    credentials,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) }),
  });
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
  });
  const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
  try {
    if (!process.env.BENCH_ENDPOINT || process.env.BENCH_SEED) {
      const t = performance.now();
      const made = {
        users: await seed(N.users, (i) => iam.send(new CreateUserCommand({ UserName: `user-${i}`, Path: `/team-${i % 10}/` }))),
        groups: await seed(N.groups, (i) => iam.send(new CreateGroupCommand({ GroupName: `group-${i}` }))),
        roles: await seed(N.roles, (i) => iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: trust }))),
        policies: await seed(N.policies, (i) => iam.send(new CreatePolicyCommand({ PolicyName: `policy-${i}`, PolicyDocument: doc }))),
      };
      console.log(`seeded ${JSON.stringify(made)} in ${((performance.now() - t) / 1000).toFixed(1)} s (stops at local-aws's quotas)`);
    }
    const q = (o: Record<string, string> = {}) => usersPageSchema.parse(o);
    const pq = (o: Record<string, string> = {}) => policiesPageSchema.parse(o);
    for (const [name, page] of [
      ["users", (o: Record<string, string>) => listUsersPage({ principal, input: q(o) })],
      ["groups", (o: Record<string, string>) => listGroupsPage({ principal, input: { ...q(o), sort: o.sort ?? "groupName" } })],
      ["roles", (o: Record<string, string>) => listRolesPage({ principal, input: { ...q(o), sort: o.sort ?? "roleName" } })],
      ["policies", (o: Record<string, string>) => listPoliciesPage({ principal, input: pq(o) })],
    ] as const) {
      await time(`${name}: cold (Refresh: the whole list from IAM)`, () => page({ fresh: "true" }));
      await time(`${name}: warm, page 1 of 25`, () => page({}));
      await time(`${name}: warm, page 40, sorted (creation or use), descending`, () =>
        page(name === "policies" ? { page: "40", sort: "usedAs", desc: "true" } : { page: "40", sort: "createDate", desc: "true" }),
      );
      await time(`${name}: warm, search "-12"`, () => page({ filter: "-12", pageSize: "100" }));
    }
    await time("policies: warm, customer managed, by use", () =>
      listPoliciesPage({ principal, input: pq({ type: "Local", sort: "usedAs" }) }),
    );
  } finally {
    aws.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
