import { loadavg } from "node:os";
import type { Ctx } from "../../local-aws/context";
import { authorizationDetailsHandlers } from "../../local-aws/iam/authorization-details";
import { writeResponse } from "../../local-aws/protocol/query";
import { operation, services, type QueryService } from "../../local-aws/services";
import { openDb } from "../../local-aws/store/db";
import { referenceWriteResponse } from "../../test/helpers/query-xml-reference";
import { percentile } from "../stats";

/**
 * `npx tsx bench/scale/gaad-server.ts <data dir of a seeded account>`: GetAccountAuthorizationDetails inside local-aws,
 * every page of 1,000, split into the handler (SQLite reads and the output objects), the XML writer (against the
 * writer it replaced) and the body's UTF-8 encoding as the HTTP response does it. Copy the data directory first: the
 * store is opened read-write.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: gaad-server.ts <data dir>");
const db = openDb(dataDir);
const ctx = { db, accountId: process.env.LOCAL_AWS_ACCOUNT_ID ?? "000000000000" } as unknown as Ctx;
const IAM_XMLNS = (services.iam as QueryService).xmlns;
const op = operation(services.iam, "GetAccountAuthorizationDetails")!;
const handler = authorizationDetailsHandlers.GetAccountAuthorizationDetails;

function pages(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let Marker: string | undefined;
  do {
    const page = handler({ MaxItems: 1000, ...(Marker ? { Marker } : {}) }, ctx) as Record<string, unknown>;
    out.push(page);
    Marker = page.Marker as string | undefined;
  } while (Marker);
  return out;
}

type Write = typeof writeResponse;
const write = (fn: Write, all: Record<string, unknown>[]) =>
  all.map((p) => fn("GetAccountAuthorizationDetails", op.output, p, IAM_XMLNS, "00000000-0000-0000-0000-000000000000"));

function timed(fn: () => unknown): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const line = (name: string, s: number[]) =>
  `${name.padEnd(44)} p50 ${percentile(s, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(s, 99).toFixed(0).padStart(5)} ms`;

const load = loadavg()[0].toFixed(2);
const all = pages();
const same = write(writeResponse, all).every((xml, i) => xml === write(referenceWriteResponse, [all[i]])[0]);
console.log(`${all.length} pages; the two writers agree byte for byte: ${same ? "yes" : "NO"}`);
console.log(line("handler (SQLite and output objects)", timed(pages)));
console.log(
  line(
    "XML, compiled writer",
    timed(() => write(writeResponse, all)),
  ),
);
console.log(
  line(
    "XML, reference writer (before)",
    timed(() => write(referenceWriteResponse, all)),
  ),
);
console.log(
  line(
    "XML + UTF-8 body, compiled writer",
    timed(() => write(writeResponse, all).map((x) => Buffer.from(x))),
  ),
);
console.log(
  line(
    "XML + UTF-8 body, reference writer",
    timed(() => write(referenceWriteResponse, all).map((x) => Buffer.from(x))),
  ),
);
console.log(`\n${RUNS} runs after a warm-up; load average ${load} at the start, ${loadavg()[0].toFixed(2)} at the end`);
