process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  IAMClient,
  CreateUserCommand,
  CreatePolicyCommand,
  AttachUserPolicyCommand,
  ListUsersCommand,
  ListPoliciesCommand,
  GetUserCommand,
  GetAccountAuthorizationDetailsCommand,
  ListAttachedUserPoliciesCommand,
} from "@aws-sdk/client-iam";
import { measure, report, serverSamples, type Series } from "./stats";
import { enforcementSeries } from "./enforcement";
import { organizationsSeries } from "./organizations";
import { lintReport } from "./lint";
import { startLocalAws } from "../local-aws/app";
import { configFromEnv } from "../local-aws/config";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const POLICIES = Number(process.env.BENCH_POLICIES ?? 1_000);
/**
 * BENCH_ONLY=enforcement runs just the policy enforcement comparison; BENCH_ONLY=organizations just AssumeRole and
 * SCPs; BENCH_ONLY=lint just the policy findings latency.
 */
const ONLY = process.env.BENCH_ONLY;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const doc = (i: number) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: `arn:aws:s3:::bucket-${i}/*` }],
  });

async function paginate(name: string, call: (marker?: string) => Promise<{ IsTruncated?: boolean; Marker?: string }>): Promise<Series> {
  const samples: number[] = [];
  serverSamples.length = 0;
  const start = performance.now();
  let marker: string | undefined;
  do {
    const t = performance.now();
    const page = await call(marker);
    samples.push(performance.now() - t);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return { name, kind: "list page", samples, server: [...serverSamples], wallMs: performance.now() - start };
}

async function main() {
  if (ONLY === "lint") return void console.log(lintReport().summary);
  const dataDir = mkdtempSync(join(tmpdir(), "clef-bench-"));
  // Like a quota raised through Service Quotas: AWS's default of 5,000 users would stop the 10,000-user run (which
  // comes after the enforcement comparison's own 2,000 users).
  const aws = await startLocalAws({
    ...configFromEnv({}),
    dataDir,
    port: 0,
    usersPerAccount: USERS + 5000,
    createAccountSeconds: 0,
  });
  aws.server.prependListener("request", (_req, res) => {
    const t = performance.now();
    res.on("finish", () => serverSamples.push(performance.now() - t));
  });
  const url = aws.url;
  try {
    const iam = new IAMClient({
      endpoint: url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 8 }) }),
    });
    console.log(
      `local-aws bench: ${USERS} users, ${POLICIES} customer managed policies, SDK client and local-aws in one process; server = request received to response written\n`,
    );
    const series: Series[] = [];
    if (ONLY === "organizations") {
      const orgs = await organizationsSeries(aws);
      console.log(report(orgs.series, { write: 5, read: 5, "list page": 10 }));
      console.log(`\n${orgs.summary}`);
      return;
    }
    const enforcement = await enforcementSeries(aws, iam);
    if (ONLY === "enforcement") {
      console.log(report(enforcement.series, { write: 5, read: 5, "list page": 10 }));
      console.log(`\n${enforcement.summary}`);
      return;
    }
    series.push(
      await measure("CreateUser", "write", range(USERS), (i) =>
        iam.send(new CreateUserCommand({ UserName: `user-${i}`, Path: `/team-${i % 10}/` })),
      ),
    );
    const arns: string[] = [];
    series.push(
      await measure("CreatePolicy", "write", range(POLICIES), async (i) => {
        const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: `policy-${i}`, PolicyDocument: doc(i) }));
        arns.push(Policy!.Arn!);
      }),
    );
    series.push(
      await measure("AttachUserPolicy", "write", range(USERS), (i) =>
        iam.send(new AttachUserPolicyCommand({ UserName: `user-${i}`, PolicyArn: arns[i % arns.length] })),
      ),
    );
    series.push(
      await measure("GetUser", "read", range(2_000), (i) => iam.send(new GetUserCommand({ UserName: `user-${(i * 7919) % USERS}` }))),
    );
    series.push(
      await measure("ListAttachedUserPolicies", "read", range(2_000), (i) =>
        iam.send(new ListAttachedUserPoliciesCommand({ UserName: `user-${(i * 104729) % USERS}` })),
      ),
    );
    series.push(await paginate("ListUsers (100/page)", (Marker) => iam.send(new ListUsersCommand({ Marker }))));
    series.push(await paginate("ListUsers (1000/page)", (Marker) => iam.send(new ListUsersCommand({ Marker, MaxItems: 1000 }))));
    series.push(await paginate("ListPolicies Local (100/page)", (Marker) => iam.send(new ListPoliciesCommand({ Scope: "Local", Marker }))));
    series.push(await paginate("ListPolicies All (100/page)", (Marker) => iam.send(new ListPoliciesCommand({ Marker }))));
    series.push(
      await paginate("GetAccountAuthorizationDetails (100/page)", (Marker) =>
        iam.send(new GetAccountAuthorizationDetailsCommand({ Marker, Filter: ["User", "LocalManagedPolicy"] })),
      ),
    );
    series.push(...enforcement.series);
    const orgs = await organizationsSeries(aws);
    series.push(...orgs.series);
    console.log(report(series, { write: 5, read: 5, "list page": 10 }));
    console.log(`\n${enforcement.summary}`);
    console.log(`\n${orgs.summary}`);
    console.log(`\n${lintReport().summary}`);
    console.log("\nAims: p99 under 5 ms per write or read and 10 ms per list page (p99/aim under 1.00 meets the aim).");
  } finally {
    await aws.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
