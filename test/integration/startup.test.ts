import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalAws } from "../../local-aws/app";
import { configFromEnv, StartError } from "../../local-aws/config";

type Exit = { code: number | null; stdout: string; stderr: string };

/** Runs a launcher to its exit (killed after 60 s, which fails the test rather than hanging it). */
function run(script: string, env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("launching local-aws", () => {
  let busy: Server;
  let port: number;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "clef-startup-"));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    port = (busy.address() as { port: number }).port;
  });
  after(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    LOCAL_AWS_PORT: String(port),
    CLEF_DATA_DIR: dataDir,
    CLEF_ROOT_PASSWORD: "Startup-test-1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });

  it("npm run local-aws on a busy port says so in one line and exits non-zero", async () => {
    const out = await run("local-aws/server.ts", env());
    assert.equal(out.code, 1, out.stderr);
    assert.equal(out.stderr, `local-aws: port ${port} is already in use (set LOCAL_AWS_PORT)\n`);
    assert.doesNotMatch(out.stdout, /listening/);
  });

  it("npm start on a busy local-aws port says so in one line and exits non-zero before starting the console", async () => {
    const out = await run("scripts/start.ts", { ...env(), CLEF_NEXT_MODE: "dev", CLEF_PORT: "4790" });
    assert.equal(out.code, 1, out.stderr);
    assert.equal(out.stderr, `local-aws: port ${port} is already in use (set LOCAL_AWS_PORT)\n`);
    assert.doesNotMatch(out.stdout, /console on/);
  });

  it("npm start on a busy console port says so in one line and exits before starting local-aws or a build", async () => {
    const out = await run("scripts/start.ts", { ...env(), LOCAL_AWS_PORT: "0", CLEF_PORT: String(port) });
    assert.equal(out.code, 1, out.stderr);
    assert.equal(out.stderr, `clef: port ${port} is already in use (set CLEF_PORT)\n`);
    assert.equal(out.stdout, "");
  });

  it("a root password generated on a busy port is not lost: it is generated and shown by the start that gets the port", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clef-startup-password-"));
    const config = { ...configFromEnv({}), dataDir: dir, rootPassword: undefined };
    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      await assert.rejects(startLocalAws({ ...config, port }), StartError);
      assert.deepEqual(logged, []);
      const aws = await startLocalAws({ ...config, port: 0 });
      await aws.close();
      assert.match(logged.join("\n"), /the root user's console password was generated \(shown this once\): \S{12,}/);
    } finally {
      console.log = log;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the store owner-only: it holds secret access keys", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "clef-startup-mode-")), "data");
    try {
      const aws = await startLocalAws({ ...configFromEnv({}), dataDir: dir, port: 0, rootPassword: "Startup-test-1" });
      await aws.close();
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(join(dir, "local-aws.sqlite")).mode & 0o777, 0o600);
    } finally {
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  });

  it("says what is wrong with a port that is not a number", async () => {
    const out = await run("local-aws/server.ts", { ...env(), LOCAL_AWS_PORT: "45x" });
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'local-aws: LOCAL_AWS_PORT must be a port number (0-65535), got "45x"\n');
  });
});
