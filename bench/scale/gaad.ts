process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { readFileSync } from "node:fs";
import { request as httpRequest, Agent } from "node:http";
import { loadavg } from "node:os";
import { Readable } from "node:stream";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { HttpResponse, type HttpRequest } from "@smithy/core/transport";
import { GetAccountAuthorizationDetailsCommand, IAMClient } from "@aws-sdk/client-iam";
import { percentile } from "../stats";

/**
 * `npx tsx bench/scale/gaad.ts [endpoint]`: GetAccountAuthorizationDetails of a seeded account (`npm run seed:large`),
 * every page, split into its parts: the SDK end to end, the server alone (the same signed requests replayed over raw
 * HTTP, the bodies read but not parsed), and the client alone (the SDK parsing the captured responses, no network):
 * the last is the floor the server cannot go under. With BENCH_SERVER_PID, local-aws's CPU time per walk too.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const endpoint = process.argv[2] ?? process.env.CLEF_AWS_ENDPOINT ?? "http://127.0.0.1:4566";
const credentials = { accessKeyId: "test", secretAccessKey: "test" };

type Captured = { request: HttpRequest; body: Buffer; headers: Record<string, string> };

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function capturing(into: Captured[]) {
  const inner = new NodeHttpHandler({ httpAgent: agent });
  return {
    async handle(request: HttpRequest) {
      const { response } = await inner.handle(request);
      const chunks: Buffer[] = [];
      for await (const c of response.body as Readable) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      into.push({ request, body, headers: response.headers });
      return { response: new HttpResponse({ ...response, body: Readable.from([body]) }) };
    },
  };
}

function replaying(pages: Captured[]) {
  let i = 0;
  return {
    async handle() {
      const p = pages[i++ % pages.length];
      return { response: new HttpResponse({ statusCode: 200, headers: p.headers, body: Readable.from([p.body]) }) };
    },
  };
}

/** The signed request again, over raw HTTP: the server's time plus the transfer, with no parsing. */
function raw(c: Captured): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: c.request.hostname, port: c.request.port, path: c.request.path, method: c.request.method, headers: c.request.headers, agent },
      (res) => {
        let n = 0;
        res.on("data", (d: Buffer) => (n += d.length));
        res.on("end", () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(c.request.body as string);
  });
}

async function walk(iam: IAMClient, MaxItems?: number): Promise<number> {
  let Marker: string | undefined;
  let pages = 0;
  do {
    const r = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker, MaxItems }));
    pages++;
    Marker = r.IsTruncated ? r.Marker : undefined;
  } while (Marker);
  return pages;
}

/** CPU milliseconds the server process has used so far (Linux /proc), when its PID is given: load moves it far less than wall time. */
const serverPid = process.env.BENCH_SERVER_PID;
function serverCpu(): number {
  if (!serverPid) return NaN;
  const fields = readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Timing = { wall: number[]; client: number[]; server: number[] };

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const t: Timing = { wall: [], client: [], server: [] };
  for (let i = 0; i < RUNS; i++) {
    const [w, c, s] = [performance.now(), ownCpu(), serverCpu()];
    await fn();
    t.wall.push(performance.now() - w);
    t.client.push(ownCpu() - c);
    t.server.push(serverCpu() - s);
  }
  for (const a of [t.wall, t.client, t.server]) a.sort((x, y) => x - y);
  return t;
}

const ms = (s: number[], p: number) => percentile(s, p).toFixed(0).padStart(6);
const line = (name: string, t: Timing) =>
  `${name.padEnd(56)} p50 ${ms(t.wall, 50)} ms   p99 ${ms(t.wall, 99)} ms   CPU p50: this process ${ms(t.client, 50)} ms` +
  (serverPid ? `, local-aws ${ms(t.server, 50)} ms` : "");

async function main() {
  const load = loadavg()[0].toFixed(2);
  const client = (requestHandler: object) =>
    new IAMClient({ endpoint, region: "us-east-1", credentials, requestHandler: requestHandler as never });
  for (const MaxItems of [1000, 100]) {
    const pages: Captured[] = [];
    const n = await walk(client(capturing(pages)), MaxItems);
    const bytes = pages.reduce((a, p) => a + p.body.length, 0);
    const sdk = client(new NodeHttpHandler({ httpAgent: agent }));
    const replay = client(replaying(pages));
    console.log(`MaxItems ${MaxItems}: ${n} pages, ${(bytes / 1e6).toFixed(1)} MB of XML`);
    console.log(line("  SDK end to end, every page", await timed(() => walk(sdk, MaxItems))));
    console.log(line("  server alone (signed requests replayed, not parsed)", await timed(() => serial(pages))));
    console.log(line("  client alone (the SDK parsing the captured pages)", await timed(() => walk(replay, MaxItems))));
  }
  console.log(`\n${RUNS} runs after a warm-up; load average ${load} at the start, ${loadavg()[0].toFixed(2)} at the end`);
  agent.destroy();
}

async function serial(pages: Captured[]): Promise<void> {
  for (const p of pages) await raw(p);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
