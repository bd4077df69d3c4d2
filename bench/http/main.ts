import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { percentile } from "../stats";
import { queryBody, signedHeaders, type Signer } from "./sign";
import type { LoadPlan, LoadResult } from "./load";
import type { BareReply } from "./bare-server";

/**
 * `npm run bench:http`: local-aws under concurrent signed load beside its anchors, in one run — a bare node:http server
 * answering the same bytes (the ceiling), moto_server when installed, and for the boto3 workload a server answering
 * empty results (the client's own floor). Each server and the load generator run in their own process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BASE_PORT = Number(process.env.BENCH_HTTP_PORT ?? 4800);
const BOTO3_RUNS = Number(process.env.BOTO3_RUNS ?? 3);
const POLICY_DOC = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
const here = (file: string) => join(__dirname, file);

type Server = { name: string; url: string; child: ChildProcess; stop: () => Promise<void>; policyArn?: string };

function tsxChild(file: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { url: string }) => resolve({ child, url: m.url }));
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

const signer = (url: string): Signer => ({
  accessKeyId: "test",
  secret: "test",
  region: "us-east-1",
  service: "iam",
  host: new URL(url).host,
});

async function call(url: string, action: string, params: Record<string, string> = {}) {
  const body = queryBody(action, params);
  const res = await fetch(url, { method: "POST", body, headers: signedHeaders(signer(url), body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${action} on ${url}: ${res.status} ${text}`);
  return { status: res.status, headers: res.headers, body: text };
}

async function startMoto(port: number): Promise<Server | undefined> {
  if (process.env.BENCH_MOTO === "off" || spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status !== 0) return undefined;
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return undefined;
    if (
      await fetch(`${url}/moto-api/`).then(
        () => true,
        () => false,
      )
    ) {
      return { name: "moto_server", url, child, stop: () => (child.kill("SIGTERM"), exited(child)) };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  return undefined;
}

function load(plan: LoadPlan): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", here("load.ts"), JSON.stringify(plan)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load run exited with ${code}`)))),
  );
}

/** Asks the local-aws child to start timing a phase, or returns the phase's server-side samples and CPU share. */
function phase(child: ChildProcess, name: string): void {
  child.send({ phase: name });
}
function collect(child: ChildProcess): Promise<{ samples: number[]; cpu: number }> {
  return new Promise((resolve) => {
    child.once("message", (m: { samples: number[]; cpu: number }) => resolve(m));
    child.send({ collect: true });
  });
}

function boto3Run(url: string, prefix: string): number | undefined {
  const run = spawnSync("python3", [here("boto3_workload.py"), url, prefix], { encoding: "utf8" });
  if (run.status !== 0) {
    console.error(`boto3 workload against ${url} failed:\n${run.stderr}`);
    return undefined;
  }
  return (JSON.parse(run.stdout) as { seconds: number }).seconds;
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? "—" : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) =>
  xs.length
    ? percentile(
        [...xs].sort((a, b) => a - b),
        50,
      )
    : undefined;
const load1 = () => loadavg()[0].toFixed(2);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main() {
  const startLoad = load1();
  const dataDir = mkdtempSync(join(tmpdir(), "clef-bench-http-"));
  const servers: Server[] = [];
  try {
    const local = await tsxChild(here("local-aws-child.ts"), [], { CLEF_DATA_DIR: dataDir, LOCAL_AWS_PORT: String(BASE_PORT) });
    const localAws: Server = { name: "local-aws", ...local, stop: () => (local.child.send({ stop: true }), exited(local.child)) };
    servers.push(localAws);
    await call(localAws.url, "CreateUser", { UserName: "bench-user" });
    const captured = await call(localAws.url, "GetUser", { UserName: "bench-user" });
    const same: BareReply = {
      status: captured.status,
      headers: {
        "content-type": captured.headers.get("content-type")!,
        "content-length": captured.headers.get("content-length")!,
        "x-amzn-requestid": captured.headers.get("x-amzn-requestid")!,
      },
      body: captured.body,
    };
    const bareChild = await tsxChild(here("bare-server.ts"), [JSON.stringify(same)], { BARE_PORT: String(BASE_PORT + 1) });
    const bare: Server = { name: "bare node:http", ...bareChild, stop: () => (bareChild.child.send({}), exited(bareChild.child)) };
    servers.push(bare);
    const moto = await startMoto(BASE_PORT + 2);
    if (moto) {
      servers.push(moto);
      await call(moto.url, "CreateUser", { UserName: "bench-user" });
    }
    // The policy create-attach attaches: a customer managed one, created alike on every backend.
    for (const server of [localAws, bare, ...(moto ? [moto] : [])]) {
      const created = await call(server.url, "CreatePolicy", { PolicyName: "bench-policy", PolicyDocument: POLICY_DOC });
      server.policyArn = /<Arn>([^<]+)<\/Arn>/.exec(created.body)?.[1] ?? "arn:aws:iam::000000000000:policy/bench-policy";
    }
    for (let i = 0; i < 250; i++) await call(localAws.url, "CreateUser", { UserName: `bench-list-${i}`, Path: "/bench-list/" });

    console.log(
      `bench:http — ${CONNECTIONS} connections, ${SECONDS} s per run, autocannon in its own process, each server in its own; ` +
        `load average ${startLoad} at the start${moto ? "" : "; moto_server not found, its column is empty"}\n`,
    );

    // The boto3 workload first, on fresh servers.
    const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;
    let boto3: { local?: number; moto?: number; floor?: number } = {};
    if (hasBoto3) {
      const floorChild = await tsxChild(here("bare-server.ts"), [], { BARE_PORT: String(BASE_PORT + 3) });
      // One run each is a few seconds of a Python client, so other load moves it a lot: BOTO3_RUNS rounds (local-aws,
      // moto, floor in turn, each on fresh names), and each server's median.
      const runs: { local: number[]; moto: number[]; floor: number[] } = { local: [], moto: [], floor: [] };
      const add = (into: number[], seconds: number | undefined) => seconds !== undefined && into.push(seconds);
      for (let round = 1; round <= BOTO3_RUNS; round++) {
        add(runs.local, boto3Run(localAws.url, `boto-local-${round}`));
        if (moto) add(runs.moto, boto3Run(moto.url, `boto-moto-${round}`));
        add(runs.floor, boto3Run(floorChild.url, `boto-floor-${round}`));
      }
      boto3 = { local: median(runs.local), moto: median(runs.moto), floor: median(runs.floor) };
      floorChild.child.send({});
      await exited(floorChild.child);
    }

    const plan = (server: Server, workload: LoadPlan["workload"]): LoadPlan => ({
      url: server.url,
      connections: CONNECTIONS,
      seconds: SECONDS,
      signer: signer(server.url),
      workload,
      policyArn: server.policyArn,
      closes: server === moto,
    });
    const runs: { workload: string; server: Server; result: LoadResult; serverSide?: { samples: number[]; cpu: number } }[] = [];
    const targets = (workload: LoadPlan["workload"]) =>
      workload === "list-users" ? [localAws] : [localAws, bare, ...(moto ? [moto] : [])];
    for (const workload of ["get-user", "create-attach", "list-users"] as const) {
      for (const server of targets(workload)) {
        if (server === localAws) phase(localAws.child, workload);
        const result = await load(plan(server, workload));
        runs.push({ workload, server, result, serverSide: server === localAws ? await collect(localAws.child) : undefined });
      }
    }

    const bareGet = runs.find((r) => r.workload === "get-user" && r.server === bare)!.result.rps;
    const rows = runs.map(({ workload, server, result, serverSide }) => {
      const motoRun = runs.find((r) => r.workload === workload && r.server === moto);
      const sorted = serverSide ? [...serverSide.samples].sort((a, b) => a - b) : [];
      return [
        workload,
        server.name,
        fmt(result.rps),
        fmt(result.p50, 1),
        fmt(result.p99, 1),
        serverSide ? fmt(percentile(sorted, 50), 2) : "—",
        serverSide ? fmt(percentile(sorted, 99), 2) : "—",
        `${(result.loaderCpu * 100).toFixed(0)}%`,
        serverSide ? `${(serverSide.cpu * 100).toFixed(0)}%` : "—",
        serverSide ? fmt((serverSide.cpu * 1e6) / result.rps) : "—",
        `${((result.rps / bareGet) * 100).toFixed(1)}%`,
        motoRun && server !== moto ? `${(result.rps / motoRun.result.rps).toFixed(1)}×` : "—",
        String(result.non2xx + result.errors),
      ];
    });
    console.log(
      table(
        [
          "workload",
          "server",
          "req/s",
          "p50 ms",
          "p99 ms",
          "server p50",
          "server p99",
          "loader CPU",
          "server CPU",
          "CPU µs/req",
          "of bare GetUser",
          "× moto",
          "non-2xx",
        ],
        rows,
      ),
    );
    console.log(
      "\nget-user and list-users replay one request signed at the start of the run (accepted for AWS's 15 minutes); create-attach signs every request " +
        "(CreateUser of a new name, then AttachUserPolicy of a customer managed policy to it, on each connection). Server p50/p99: inside local-aws, " +
        "request received to response written. Loader CPU near 100% means the load generator, not the server, was the limit. CPU µs/req: local-aws's CPU time per request, the figure least moved by other load on the machine.",
    );
    if (hasBoto3) {
      const ratio = (a?: number, b?: number) => (a && b ? `${(b / a).toFixed(2)}×` : "—");
      console.log(
        `\nboto3 workload (200 users: create, policy, attach, inline policy, two lists each; then ListUsers and ListPolicies pages; ` +
          `median of ${BOTO3_RUNS} runs each): ` +
          `local-aws ${fmt(boto3.local, 2)} s, moto ${fmt(boto3.moto, 2)} s (local-aws ${ratio(boto3.local, boto3.moto)} faster), ` +
          `empty-result floor ${fmt(boto3.floor, 2)} s (local-aws takes ${ratio(boto3.floor, boto3.local)} the floor's time)`,
      );
    }
    console.log(`\nload average ${startLoad} at the start, ${load1()} at the end`);
  } finally {
    for (const s of servers.reverse()) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
