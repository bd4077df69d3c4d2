process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import "../test/helpers/server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { startLocalAws } from "../local-aws/app";
import { configFromEnv } from "../local-aws/config";
import { listUsers } from "../lib/server/services/users";
import { listPolicies } from "../lib/server/services/policies";
import type { Principal } from "../lib/server/principal";
import { percentile } from "./stats";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const RUNS = 10;

/** The console's whole-list services (what GET /api/users and /api/policies run) against local-aws with many users. */
async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "clef-bench-lists-"));
  const aws = await startLocalAws({ ...configFromEnv({}), dataDir, port: 0, usersPerAccount: Math.max(5000, USERS) });
  process.env.CLEF_AWS_ENDPOINT = aws.url;
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  const principal: Principal = {
    type: "root",
    arn: "arn:aws:iam::000000000000:root",
    accountId: "000000000000",
    credentials: { ...credentials, expiration: 0 },
  };
  try {
    const iam = new IAMClient({
      endpoint: aws.url,
      region: "us-east-1",
      credentials,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 8 }) }),
    });
    for (let start = 0; start < USERS; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, USERS - start) }, (_, i) =>
          iam.send(new CreateUserCommand({ UserName: `user-${start + i}`, Path: `/team-${(start + i) % 10}/` })),
        ),
      );
    }
    for (const [name, list] of [
      [`listUsers (${USERS} users)`, () => listUsers({ principal })],
      ["listPolicies (AWS managed and customer managed)", () => listPolicies({ principal })],
    ] as const) {
      const samples: number[] = [];
      let size = 0;
      let items = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const result = await list();
        size = JSON.stringify(result).length;
        samples.push(performance.now() - t);
        items = result.length;
      }
      samples.sort((a, b) => a - b);
      console.log(
        `${name}: ${items} items, ${(size / 1024).toFixed(0)} KiB of JSON, p50 ${percentile(samples, 50).toFixed(0)} ms, max ${samples.at(-1)!.toFixed(0)} ms over ${RUNS} runs`,
      );
    }
  } finally {
    await aws.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
