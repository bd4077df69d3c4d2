import { startLocalAws } from "../../local-aws/app";
import { configFromEnv } from "../../local-aws/config";

/**
 * local-aws in its own process, as `npm run local-aws` and `npm start` run it, with a request hook timing each
 * request inside the server (received to written). The parent names a phase, then collects that phase's samples.
 */
type Message = { phase: string } | { collect: true } | { stop: true };

async function main() {
  const aws = await startLocalAws({ ...configFromEnv(), usersPerAccount: 10_000_000 });
  let samples: number[] = [];
  let cpu = process.cpuUsage();
  let since = performance.now();
  aws.server.prependListener("request", (_req, res) => {
    const t = performance.now();
    res.on("finish", () => samples.push(performance.now() - t));
  });
  process.on("message", async (m: Message) => {
    if ("phase" in m) {
      samples = [];
      cpu = process.cpuUsage();
      since = performance.now();
    } else if ("collect" in m) {
      const used = process.cpuUsage(cpu);
      process.send!({ samples, cpu: (used.user + used.system) / 1000 / (performance.now() - since) });
    } else {
      await aws.close();
      process.exit(0);
    }
  });
  process.send!({ url: aws.url });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
