import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAccessKeyCommand, CreateUserCommand, GetAccessKeyLastUsedCommand, GetUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { unique } from "../helpers/local-aws";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts the real entry point (`tsx local-aws/server.ts`, as `npm run local-aws` does) and waits until it listens. */
function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [TSX, "local-aws/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, CLEF_DATA_DIR: dataDir, LOCAL_AWS_PORT: String(port), LOCAL_AWS_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`local-aws did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes("local-aws listening on")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`local-aws exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

describe("persistence across restarts of the real server", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "clef-persist-"));
  let child: ChildProcess | undefined;
  after(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps a user created before a SIGTERM", async () => {
    const port = await freePort();
    const iam = new IAMClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const name = unique("persisted");

    child = await startServer(dataDir, port);
    const created = await iam.send(new CreateUserCommand({ UserName: name, Path: "/kept/", Tags: [{ Key: "k", Value: "v" }] }));
    assert.equal(await stop(child, "SIGTERM"), 0, "a SIGTERM closes the server cleanly");

    child = await startServer(dataDir, port);
    const { User } = await iam.send(new GetUserCommand({ UserName: name }));
    assert.equal(User!.UserId, created.User!.UserId);
    assert.equal(User!.Arn, `arn:aws:iam::000000000000:user/kept/${name}`);
    assert.deepEqual(User!.Tags, [{ Key: "k", Value: "v" }]);
    assert.equal(User!.CreateDate!.getTime(), created.User!.CreateDate!.getTime());
    assert.equal(await stop(child, "SIGINT"), 0);
  });

  it("keeps an access key's last use, noted off the write path, across a SIGTERM right after the call", async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const iam = new IAMClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const name = unique("used");

    child = await startServer(dataDir, port);
    await iam.send(new CreateUserCommand({ UserName: name }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    const credentials = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    const asUser = new IAMClient({ endpoint, region: "eu-west-3", credentials, maxAttempts: 1 });
    // Denied (the user has no policy) and so not a use; the use is GetCallerIdentity's below.
    await asUser.send(new GetUserCommand({})).catch(() => undefined);
    const sts = new STSClient({ endpoint, region: "eu-west-3", credentials, maxAttempts: 1 });
    await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(await stop(child, "SIGTERM"), 0);

    child = await startServer(dataDir, port);
    const { AccessKeyLastUsed } = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: credentials.accessKeyId }));
    assert.equal(AccessKeyLastUsed!.ServiceName, "sts");
    assert.equal(AccessKeyLastUsed!.Region, "eu-west-3");
    assert.equal(await stop(child, "SIGINT"), 0);
  });
});
