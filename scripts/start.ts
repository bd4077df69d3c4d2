import { spawn, spawnSync } from "node:child_process";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { configFromEnv, StartError } from "../local-aws/config";
import { listenError, startLocalAws } from "../local-aws/app";
import { buildState } from "./build-freshness";

const NEXT_BIN = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in the data directory. */
function nextAuthSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Builds when there is no build, or when the sources changed since it (e.g. after a git pull) unless CLEF_REBUILD=never. */
function needsBuild(): boolean {
  const build = buildState(process.cwd(), process.env.CLEF_DIST_DIR ?? ".next");
  if (build.state === "fresh") return false;
  if (build.state === "missing") {
    console.log("clef: no console build yet, building it once (next build)...");
    return true;
  }
  const shown = build.changed.slice(0, 3).join(", ") + (build.changed.length > 3 ? ` and ${build.changed.length - 3} more` : "");
  if (process.env.CLEF_REBUILD === "never") {
    console.warn(`clef: the console build is older than its sources (${shown}); serving it anyway (CLEF_REBUILD=never).`);
    return false;
  }
  console.log(`clef: the sources changed since the console was built (${shown}), rebuilding it (next build)...`);
  return true;
}

/** Refuses a console port that is taken before anything starts, in one line rather than Next's stack trace. */
async function claimablePort(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, { name: "clef", port, host, env: "CLEF" })));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main() {
  const config = configFromEnv();
  const host = process.env.CLEF_HOST ?? "127.0.0.1";
  const port = Number(process.env.CLEF_PORT ?? 3000);
  await claimablePort(host, port);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: nextAuthSecret(config.dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const dev = process.env.CLEF_NEXT_MODE === "dev";
  if (!dev && needsBuild()) {
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const backend = process.env.CLEF_BACKEND ?? "local";
  // local-aws refuses browser requests from any origin but the console's own (DESIGN rule 7).
  const consoleOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (URL.canParse(env.NEXTAUTH_URL)) consoleOrigins.push(new URL(env.NEXTAUTH_URL).origin);
  const allowedOrigins = [...new Set([...config.allowedOrigins, ...consoleOrigins])];
  const aws = backend === "local" ? await startLocalAws({ ...config, allowedOrigins }) : undefined;
  if (aws) console.log(`clef: local-aws listening on ${aws.url} (account ${config.accountId}, data in ${config.dataDir})`);
  const next = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-H", host, "-p", String(port)], {
    stdio: "inherit",
    env: { ...env, ...(aws ? { CLEF_AWS_ENDPOINT: aws.url } : {}) },
  });
  console.log(`clef: console on http://localhost:${port}`);
  const stop = async () => {
    next.kill("SIGTERM");
    await aws?.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    await aws?.close();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err instanceof StartError ? err.message : err);
  process.exit(1);
});
