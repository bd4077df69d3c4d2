process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { Agent } from "node:http";
import { parseArgs } from "node:util";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountSummaryCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import * as plan from "./plan";

/**
 * `npm run seed:large`: fills an empty account of a running local-aws (or any IAM endpoint) through the real IAM API
 * with the SDK at high concurrency, as a user's Terraform would. It refuses an account that already holds users,
 * groups, roles or customer managed policies, and one whose quotas are below the counts asked for.
 */
export type SeedOptions = {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  counts: plan.Counts;
  concurrency: number;
};

export type SeedResult = { seconds: number; requests: number; counts: plan.Counts };

export class SeedRefused extends Error {}

const QUOTA_ENV = {
  users: ["Users", "UsersQuota", "LOCAL_AWS_QUOTA_USERS_PER_ACCOUNT"],
  groups: ["Groups", "GroupsQuota", "LOCAL_AWS_QUOTA_GROUPS_PER_ACCOUNT"],
  roles: ["Roles", "RolesQuota", "LOCAL_AWS_QUOTA_ROLES_PER_ACCOUNT"],
  policies: ["Policies", "PoliciesQuota", "LOCAL_AWS_QUOTA_POLICIES_PER_ACCOUNT"],
} as const;

/** True for exactly `n` of the indexes 0..total-1, spread evenly. */
const picked = (i: number, n: number, total: number) => Math.floor(((i + 1) * n) / total) > Math.floor((i * n) / total);

/** Runs `task(0..n-1)` with at most `concurrency` in flight. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

async function refuseUnlessEmpty(iam: IAMClient, counts: plan.Counts): Promise<void> {
  const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
  const present = Object.values(QUOTA_ENV).filter(([used]) => (summary[used] ?? 0) > 0);
  if (present.length) {
    throw new SeedRefused(
      `it fills an empty account, and this one already has ${present.map(([used]) => `${summary[used]} ${used.toLowerCase()}`).join(", ")}; ` +
        "start local-aws on a fresh CLEF_DATA_DIR (or reset it) and run it again.",
    );
  }
  const short = (Object.keys(QUOTA_ENV) as (keyof typeof QUOTA_ENV)[]).filter((k) => (summary[QUOTA_ENV[k][1]] ?? 0) < counts[k]);
  if (short.length) {
    throw new SeedRefused(
      `the account's quotas are below the counts asked for: ${short.map((k) => `${QUOTA_ENV[k][1]} ${summary[QUOTA_ENV[k][1]]} < ${counts[k]}`).join(", ")}; ` +
        `start local-aws with ${short.map((k) => `${QUOTA_ENV[k][2]}=${counts[k]}`).join(" ")}.`,
    );
  }
}

export async function seedLarge({ endpoint, credentials, counts, concurrency }: SeedOptions): Promise<SeedResult> {
  const requestHandler = new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) });
  const iam = new IAMClient({ endpoint, region: "us-east-1", credentials, requestHandler });
  const sts = new STSClient({ endpoint, region: "us-east-1", credentials, requestHandler });
  await refuseUnlessEmpty(iam, counts);
  const accountId = (await sts.send(new GetCallerIdentityCommand({}))).Account!;
  let requests = 0;
  // Any IAM command: the client's send is typed per command, and these are only awaited.
  const send = async (command: object) => {
    await iam.send(command as never);
    requests++;
  };
  const start = performance.now();

  await pool(counts.policies, concurrency, (i) => send(new CreatePolicyCommand(plan.createPolicy(i))));

  const groupTask = async (i: number) => {
    await send(new CreateGroupCommand(plan.createGroup(i)));
    const { GroupName } = plan.createGroup(i);
    for (const PolicyArn of plan.attachedPolicies(i, 1 + (i % 2), counts, accountId))
      await send(new AttachGroupPolicyCommand({ GroupName, PolicyArn }));
    if (i % 10 === 0) await send(new PutGroupPolicyCommand({ GroupName, ...plan.inlinePolicy(i) }));
  };
  const roleTask = async (i: number) => {
    const input = plan.createRole(i);
    await send(new CreateRoleCommand(input));
    for (const PolicyArn of plan.attachedPolicies(i, 1 + (i % 3 === 0 ? 1 : 0), counts, accountId)) {
      await send(new AttachRolePolicyCommand({ RoleName: input.RoleName, PolicyArn }));
    }
    if (i % 10 === 0) await send(new PutRolePolicyCommand({ RoleName: input.RoleName, ...plan.inlinePolicy(i) }));
  };
  // Groups and roles together: neither needs the other.
  await pool(counts.groups + counts.roles, concurrency, (i) => (i < counts.groups ? groupTask(i) : roleTask(i - counts.groups)));

  await pool(counts.users, concurrency, async (i) => {
    const input = plan.createUser(i);
    const { UserName } = input;
    await send(new CreateUserCommand(input));
    for (const GroupName of plan.userGroups(i, counts)) await send(new AddUserToGroupCommand({ GroupName, UserName }));
    if (i % 3 === 0)
      for (const PolicyArn of plan.attachedPolicies(i, 1, counts, accountId))
        await send(new AttachUserPolicyCommand({ UserName, PolicyArn }));
    if (i % 20 === 0) await send(new PutUserPolicyCommand({ UserName, ...plan.inlinePolicy(i) }));
    if (picked(i, counts.loginProfiles, counts.users)) {
      await send(new CreateLoginProfileCommand({ UserName, Password: `Seed-${i}-Passw0rd!`, PasswordResetRequired: i % 2 === 0 }));
    }
    if (picked(i, counts.accessKeys, counts.users)) await send(new CreateAccessKeyCommand({ UserName }));
  });

  iam.destroy();
  sts.destroy();
  return { seconds: (performance.now() - start) / 1000, requests, counts };
}

const COUNT_FLAGS = {
  users: "SEED_USERS",
  groups: "SEED_GROUPS",
  roles: "SEED_ROLES",
  policies: "SEED_POLICIES",
  "login-profiles": "SEED_LOGIN_PROFILES",
  "access-keys": "SEED_ACCESS_KEYS",
} as const;

/** Counts from flags (`--users 500`), then the environment (`SEED_USERS=500`), then the defaults. */
export function countsFrom(argv: string[], env: Record<string, string | undefined> = process.env): plan.Counts {
  const options = Object.fromEntries(Object.keys(COUNT_FLAGS).map((k) => [k, { type: "string" as const }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, concurrency: { type: "string" } }, strict: true }));
  } catch (err) {
    throw new SeedRefused((err as Error).message);
  }
  const read = (flag: keyof typeof COUNT_FLAGS, fallback: number) => {
    const raw = (values[flag] as string | undefined) ?? env[COUNT_FLAGS[flag]];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new SeedRefused(`--${flag} must be a whole number, got "${raw}"`);
    return n;
  };
  const d = plan.DEFAULT_COUNTS;
  const counts = {
    users: read("users", d.users),
    groups: read("groups", d.groups),
    roles: read("roles", d.roles),
    policies: read("policies", d.policies),
    loginProfiles: read("login-profiles", d.loginProfiles),
    accessKeys: read("access-keys", d.accessKeys),
  };
  return { ...counts, loginProfiles: Math.min(counts.loginProfiles, counts.users), accessKeys: Math.min(counts.accessKeys, counts.users) };
}

async function main() {
  const argv = process.argv.slice(2);
  const counts = countsFrom(argv);
  const concurrency = Number(
    parseArgs({ args: argv, options: { concurrency: { type: "string" } }, strict: false }).values.concurrency ??
      process.env.SEED_CONCURRENCY ??
      32,
  );
  const endpoint = process.env.CLEF_AWS_ENDPOINT ?? "http://127.0.0.1:4566";
  const credentials = {
    accessKeyId: process.env.LOCAL_AWS_ROOT_ACCESS_KEY_ID ?? "test",
    secretAccessKey: process.env.LOCAL_AWS_ROOT_SECRET_ACCESS_KEY ?? "test",
  };
  const result = await seedLarge({ endpoint, credentials, counts, concurrency });
  console.log(
    `seed:large: ${counts.users} users, ${counts.groups} groups, ${counts.roles} roles, ${counts.policies} customer managed policies, ` +
      `${counts.loginProfiles} login profiles, ${counts.accessKeys} access keys in ${result.seconds.toFixed(1)} s ` +
      `(${result.requests} IAM requests, ${Math.round(result.requests / result.seconds)} req/s, ${concurrency} in flight) against ${endpoint}`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof SeedRefused ? `seed:large: ${err.message}` : err);
    process.exit(1);
  });
}
