import { Agent, request } from "node:http";
import autocannon from "autocannon";
import { percentile } from "../stats";
import { queryBody, signedHeaders, type Signer } from "./sign";

/** What one load run sends: one pre-signed request replayed, or requests signed one by one as they are sent. */
export type LoadPlan = {
  url: string;
  connections: number;
  seconds: number;
  signer: Signer;
  workload: "get-user" | "create-attach" | "list-users";
  /** The policy AttachUserPolicy attaches. */
  policyArn?: string;
  /**
   * The server closes the connection after each response (moto_server's Werkzeug does): autocannon then stalls until
   * its timeout, so these runs use a plain loop per connection that opens a new connection for each request.
   */
  closes?: boolean;
};

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The load generator's own CPU time over the run, as a share of one core: near 1.00 means it was the limit. */
  loaderCpu: number;
};

let created = 0;

function requests(plan: LoadPlan): autocannon.Request[] {
  const replayed = (body: string) => ({ method: "POST" as const, path: "/", body, headers: signedHeaders(plan.signer, body) });
  if (plan.workload === "get-user") return [replayed(queryBody("GetUser", { UserName: "bench-user" }))];
  if (plan.workload === "list-users") return [replayed(queryBody("ListUsers", { PathPrefix: "/bench-list/" }))];
  const signed = (req: autocannon.Request, body: string) => ({
    ...req,
    method: "POST",
    path: "/",
    body,
    headers: signedHeaders(plan.signer, body),
  });
  // Each connection creates a user, then attaches a policy to it: a connection sends one request at a time.
  return [
    {
      setupRequest: (req, context) => {
        context.name = `w${process.pid}-${++created}`;
        return signed(req, queryBody("CreateUser", { UserName: context.name as string }));
      },
    },
    {
      setupRequest: (req, context) =>
        signed(req, queryBody("AttachUserPolicy", { UserName: context.name as string, PolicyArn: plan.policyArn! })),
    },
  ];
}

/** `connections` loops, each sending the plan's requests one at a time over a new connection, for the duration. */
async function closingLoad(
  plan: LoadPlan,
): Promise<Pick<LoadResult, "requests" | "p50" | "p99" | "non2xx" | "errors"> & { seconds: number }> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + plan.seconds * 1000;
  const agent = new Agent({ keepAlive: false });
  const send = (r: autocannon.Request) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = request(plan.url, { method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t);
          if (res.statusCode! >= 300) non2xx++;
          resolve();
        });
      });
      req.on("error", () => (errors++, resolve()));
      req.end(r.body);
    });
  const loop = async () => {
    const context: Record<string, unknown> = {};
    while (performance.now() < end) {
      for (const r of requests(plan)) await send(r.setupRequest ? r.setupRequest({}, context) : r);
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, loop));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx,
    errors,
    seconds: (performance.now() - start) / 1000,
  };
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  if (plan.closes) {
    const r = await closingLoad(plan);
    const used = process.cpuUsage(cpu);
    return { ...r, rps: r.requests / r.seconds, loaderCpu: (used.user + used.system) / 1000 / (r.seconds * 1000) };
  }
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    requests: requests(plan),
  });
  const used = process.cpuUsage(cpu);
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    loaderCpu: (used.user + used.system) / 1000 / (result.duration * 1000),
  };
}

// Run as a child process (`node --import tsx bench/http/load.ts '<plan JSON>'`) so the generator has its own core.
if (process.argv[2]) {
  runLoad(JSON.parse(process.argv[2]) as LoadPlan).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
