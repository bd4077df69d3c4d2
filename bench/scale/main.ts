process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import "../../test/helpers/server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import type { Principal } from "../../lib/server/principal";
import { getEffectivePermissions } from "../../lib/server/services/effective-permissions";
import { percentile } from "../stats";
import { countsFrom, seedLarge } from "./seed-large";
import * as plan from "./plan";

/**
 * `npm run bench:scale`: starts local-aws in its own process on a temporary data directory, fills it with
 * `seed:large` (same flags), then times what the scale targets name, through the real SDK, over several runs.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = Number(process.env.BENCH_SCALE_PORT ?? 4700);
const credentials = { accessKeyId: "test", secretAccessKey: "test" };

type Row = { name: string; samples: number[]; server?: number[]; target: string; meets?: (p99: number) => boolean; note?: string };

function startLocalAws(dataDir: string, counts: plan.Counts): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "../http/local-aws-child.ts")], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: {
      ...process.env,
      CLEF_DATA_DIR: dataDir,
      LOCAL_AWS_PORT: String(PORT),
      CLEF_ROOT_PASSWORD: "Bench-scale-0",
      LOCAL_AWS_QUOTA_GROUPS_PER_ACCOUNT: String(Math.max(300, counts.groups)),
      LOCAL_AWS_QUOTA_ROLES_PER_ACCOUNT: String(Math.max(1000, counts.roles)),
      LOCAL_AWS_QUOTA_POLICIES_PER_ACCOUNT: String(Math.max(1500, counts.policies)),
    },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { url: string }) => resolve({ child, url: m.url }));
    child.once("exit", (code) => reject(new Error(`local-aws exited with ${code}`)));
  });
}

/** The child's resident set now and at its peak, in MB, from /proc (Linux). */
function memory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

const phase = (child: ChildProcess) => child.send({ phase: "scale" });
const collectCpu = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.once("message", (m: { cpu: number }) => resolve(m.cpu));
    child.send({ collect: true });
  });
const collect = (child: ChildProcess) =>
  new Promise<number[]>((resolve) => {
    child.once("message", (m: { samples: number[] }) => resolve(m.samples));
    child.send({ collect: true });
  });

async function timed(
  child: ChildProcess,
  runs: number,
  fn: (run: number) => Promise<unknown>,
): Promise<{ samples: number[]; server: number[] }> {
  await fn(-1);
  const samples: number[] = [];
  const server: number[] = [];
  for (let run = 0; run < runs; run++) {
    phase(child);
    const t = performance.now();
    await fn(run);
    samples.push(performance.now() - t);
    server.push((await collect(child)).reduce((a, b) => a + b, 0));
  }
  return { samples, server };
}

async function walk(send: (Marker?: string) => Promise<{ IsTruncated?: boolean; Marker?: string }>): Promise<number> {
  let Marker: string | undefined;
  let pages = 0;
  do {
    const r = await send(Marker);
    pages++;
    Marker = r.IsTruncated ? r.Marker : undefined;
  } while (Marker);
  return pages;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function table(rows: Row[]): string {
  const head = ["measure", "runs", "p50 ms", "p99 ms", "server p50", "server p99", "target", "meets"];
  const cells = rows.map((r) => {
    const s = [...r.samples].sort((a, b) => a - b);
    const v = r.server ? [...r.server].sort((a, b) => a - b) : [];
    const p99 = percentile(s, 99);
    return [
      r.name,
      String(s.length),
      fmt(percentile(s, 50)),
      fmt(p99),
      v.length ? fmt(percentile(v, 50)) : "—",
      v.length ? fmt(percentile(v, 99)) : "—",
      r.target,
      r.meets ? (r.meets(p99) ? "yes" : "NO") : "—",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 || i === 6 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

async function main() {
  const counts = countsFrom(process.argv.slice(2));
  const startLoad = loadavg()[0].toFixed(2);
  const dataDir = mkdtempSync(join(tmpdir(), "clef-bench-scale-"));
  const local = await startLocalAws(dataDir, counts);
  const pid = local.child.pid!;
  let peakSeen = 0;
  const sampler = setInterval(() => (peakSeen = Math.max(peakSeen, memory(pid)?.rss ?? 0)), 100);
  try {
    phase(local.child);
    const clientCpu = process.cpuUsage();
    const seed = await seedLarge({ endpoint: local.url, credentials, counts, concurrency: Number(process.env.SEED_CONCURRENCY ?? 32) });
    const client = process.cpuUsage(clientCpu);
    const serverCpuMs = (await collectCpu(local.child)) * seed.seconds * 1000;
    const perRequest = (ms: number) => Math.round((ms * 1000) / seed.requests);
    const afterSeed = memory(pid);
    console.log(
      `bench:scale — seed:large: ${counts.users} users, ${counts.groups} groups, ${counts.roles} roles, ${counts.policies} policies, ` +
        `${counts.loginProfiles} login profiles, ${counts.accessKeys} access keys: ${seed.requests} IAM requests in ${seed.seconds.toFixed(1)} s ` +
        `(${Math.round(seed.requests / seed.seconds)} req/s; target < 60 s: ${seed.seconds < 60 ? "yes" : "NO"}). CPU per request: local-aws ` +
        `${perRequest(serverCpuMs)} µs, the SDK client ${perRequest((client.user + client.system) / 1000)} µs. Load average ${startLoad} at the start\n`,
    );

    const iam = new IAMClient({
      endpoint: local.url,
      region: "us-east-1",
      credentials,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 4 }) }),
    });
    process.env.CLEF_AWS_ENDPOINT = local.url;
    const principal: Principal = {
      type: "root",
      arn: "arn:aws:iam::000000000000:root",
      accountId: "000000000000",
      credentials: { ...credentials, expiration: 0 },
    };
    const rows: Row[] = [];
    const under = (ms: number) => (p99: number) => p99 < ms;
    const add = async (name: string, target: string, limit: number | undefined, fn: (run: number) => Promise<unknown>) => {
      const r = await timed(local.child, RUNS, fn);
      rows.push({ name, ...r, target, meets: limit === undefined ? undefined : under(limit) });
    };

    const lists = [
      ["ListUsers", (Marker?: string, MaxItems?: number) => iam.send(new ListUsersCommand({ Marker, MaxItems }))],
      ["ListRoles", (Marker?: string, MaxItems?: number) => iam.send(new ListRolesCommand({ Marker, MaxItems }))],
      ["ListGroups", (Marker?: string, MaxItems?: number) => iam.send(new ListGroupsCommand({ Marker, MaxItems }))],
      [
        "ListPolicies Local",
        (Marker?: string, MaxItems?: number) => iam.send(new ListPoliciesCommand({ Scope: "Local", Marker, MaxItems })),
      ],
    ] as const;
    for (const [name, send] of lists) {
      await add(`${name} first page (100)`, "< 300 ms (a list page's server time)", 300, () => send());
      await add(`${name} full walk (MaxItems 1000)`, "— (the console pages server-side)", undefined, () => walk((m) => send(m, 1000)));
    }
    // Pages of 1,000 (the most AWS allows), then AWS's default of 100, which the AWS CLI's paginator asks for when
    // given no --page-size: 201 requests instead of 21.
    await add("GetAccountAuthorizationDetails, all pages of 1000", "< 2 s", 2000, () =>
      walk((Marker) => iam.send(new GetAccountAuthorizationDetailsCommand({ Marker, MaxItems: 1000 }))),
    );
    await add("GetAccountAuthorizationDetails, all pages of 100 (default)", "< 2 s", 2000, () =>
      walk((Marker) => iam.send(new GetAccountAuthorizationDetailsCommand({ Marker }))),
    );

    // A report is generated once and then served for four hours, and AWS (so local-aws) answers ReportInProgress
    // for its first second: the first run is the whole generation, the others read the stored report.
    const report = async () => {
      const { State } = await iam.send(new GenerateCredentialReportCommand({}));
      for (;;) {
        try {
          return await iam.send(new GetCredentialReportCommand({}));
        } catch (err) {
          if ((err as { name?: string }).name !== "CredentialReportNotReadyException" || State === "COMPLETE") throw err;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    phase(local.child);
    const t = performance.now();
    await report();
    rows.push({
      name: "credential report, generated (1 s in progress, as AWS)",
      samples: [performance.now() - t],
      server: [(await collect(local.child)).reduce((a, b) => a + b, 0)],
      target: "< 2 s",
      meets: under(2000),
    });
    await add("credential report, stored", "< 2 s", 2000, report);

    // The console's effective permissions tab: the principal's policies through IAM, then lib/policy/effective.
    // Each run a different user (own groups, attachments and inline policies), then the same user again.
    const userOf = (run: number) => ({ type: "user" as const, name: plan.userName((run + 2) * 60) });
    await add("effective permissions, a different user each run", "< 200 ms", 200, (run) =>
      getEffectivePermissions({ principal, input: userOf(run) }),
    );
    await add("effective permissions, the same user again", "< 200 ms", 200, () =>
      getEffectivePermissions({ principal, input: userOf(0) }),
    );
    await add("effective permissions, a role", "< 200 ms", 200, (run) =>
      getEffectivePermissions({ principal, input: { type: "role", name: plan.roleName((run + 2) * 30) } }),
    );
    await add("SimulatePrincipalPolicy (20 actions)", "< 200 ms", 200, (run) =>
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: plan.userArn((run + 2) * 60, "000000000000"),
          ActionNames: [
            "s3:GetObject",
            "s3:PutObject",
            "dynamodb:Query",
            "sqs:SendMessage",
            "lambda:InvokeFunction",
            "kms:Decrypt",
            "ec2:DescribeInstances",
            "iam:CreateUser",
            "logs:PutLogEvents",
            "s3:DeleteBucket",
            "dynamodb:DeleteTable",
            "sqs:DeleteQueue",
            "ec2:RunInstances",
            "kms:CreateKey",
            "iam:PassRole",
            "sts:AssumeRole",
            "s3:ListBucket",
            "logs:CreateLogStream",
            "lambda:CreateFunction",
            "cloudwatch:GetMetricData",
          ],
        }),
      ),
    );
    iam.destroy();
    clearInterval(sampler);
    const end = memory(pid);
    console.log(table(rows));
    console.log(
      `\nlocal-aws RSS: ${fmt(afterSeed?.rss ?? NaN)} MB after the seed, ${fmt(end?.rss ?? NaN)} MB at the end, peak ${fmt(Math.max(end?.peak ?? 0, peakSeen))} MB ` +
        `(VmHWM); target < 400 MB: ${Math.max(end?.peak ?? 0, peakSeen) < 400 ? "yes" : "NO"}`,
    );
    console.log(
      "\np50/p99 over the runs (the first call of each is a warm-up, not counted); server: local-aws's own time for the run's requests, summed. " +
        `Effective permissions is the console's computation (lib/server/services/effective-permissions.ts): IAM reads through the SDK, then lib/policy/effective.` +
        `\nload average ${startLoad} at the start, ${loadavg()[0].toFixed(2)} at the end`,
    );
  } finally {
    clearInterval(sampler);
    local.child.send({ stop: true });
    await new Promise((r) => local.child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
