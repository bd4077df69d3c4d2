import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { CreateUserCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { configFromEnv } from "../../local-aws/config";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { form, parseErrorXml, rawRequest, signedRequest, type RawRequest } from "../helpers/signed-request";

const CONSOLE = "http://localhost:3000";
const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

describe("Origin and Host checks (DNS rebinding, cross-site requests)", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ allowedOrigins: [CONSOLE, "http://127.0.0.1:3000"], allowedHosts: ["local-aws"] })));
  after(async () => h.stop());

  const port = () => new URL(h.aws.url).port;
  const clef = (path: string, req: RawRequest = {}) => rawRequest(h.aws.url, { method: "POST", path: `/_clef/${path}`, ...req });
  /** Raw bytes on a socket: an HTTP/1.0 request may leave out Host, which Node's client never does. */
  const http10 = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port()), "127.0.0.1", () => socket.end(request));
      let out = "";
      socket.on("data", (d) => (out += d.toString("latin1")));
      socket.on("end", () => resolve(out));
      socket.on("error", reject);
    });
  const userCount = async () => (await h.iam.send(new ListUsersCommand({}))).Users!.length;
  const refusedJson = (res: { status: number; headers: Record<string, unknown>; body: string }) => {
    assert.equal(res.status, 403, res.body);
    assert.equal(res.headers["content-type"], "application/json");
    return JSON.parse(res.body).error as string;
  };

  it("refuses a reset from a page on another origin (no-cors POST) and keeps the users", async () => {
    await h.iam.send(new CreateUserCommand({ UserName: unique("kept") }));
    const before = await userCount();
    for (const origin of [
      "http://evil.example",
      "null",
      "http://localhost:3001",
      "https://localhost:3000",
      "http://localhost:3000.evil.example",
    ]) {
      const res = await clef("reset", { headers: { origin, "content-type": "text/plain;charset=UTF-8", "sec-fetch-mode": "no-cors" } });
      assert.match(refusedJson(res), /Origin/, origin);
    }
    assert.equal(await userCount(), before);
    for (const path of ["snapshots/x", "console-signin"])
      assert.equal((await clef(path, { headers: { origin: "http://evil.example" } })).status, 403);
  });

  it("refuses /_clef/ with a Host that is not loopback or configured (DNS rebinding)", async () => {
    const before = await userCount();
    for (const host of ["evil.example", `evil.example:${port()}`, "localhost.evil.example", `127.0.0.1.nip.io:${port()}`, "localhost:x"]) {
      const res = await clef("reset", { headers: { host } });
      assert.match(refusedJson(res), /Host/, host);
    }
    assert.equal((await rawRequest(h.aws.url, { method: "GET", path: "/_clef/health", headers: { host: "evil.example" } })).status, 403);
    assert.match(await http10("POST /_clef/reset HTTP/1.0\r\n\r\n"), /^HTTP\/1\.1 403 /);
    assert.equal(await userCount(), before);
  });

  it("refuses a request a browser marks cross-site even without an Origin (an <img> or a link to a GET)", async () => {
    const res = await rawRequest(h.aws.url, { method: "GET", path: "/_clef/snapshots", headers: { "sec-fetch-site": "cross-site" } });
    assert.match(refusedJson(res), /cross-site/);
    const presigned = await signedRequest(
      h.aws.url,
      { method: "GET", query: { Action: "ListUsers", Version: "2010-05-08" }, headers: { "sec-fetch-site": "same-site" } },
      { presign: true },
    );
    assert.equal(presigned.status, 403);
    const typed = await rawRequest(h.aws.url, { method: "GET", path: "/_clef/health", headers: { "sec-fetch-site": "none" } });
    assert.equal(typed.status, 200, typed.body);
  });

  it("keeps serving the console's server (no Origin) and the console's own origins, on every loopback name", async () => {
    const hosts = [`127.0.0.1:${port()}`, "127.0.0.1", `localhost:${port()}`, "LOCALHOST", `[::1]:${port()}`, "[::1]"];
    for (const host of hosts) {
      const res = await rawRequest(h.aws.url, { method: "GET", path: "/_clef/health", headers: { host } });
      assert.equal(res.status, 200, `${host}: ${res.body}`);
    }
    for (const origin of [CONSOLE, "http://127.0.0.1:3000"]) {
      const res = await clef("snapshots/origin-ok", { method: "PUT", headers: { origin, "sec-fetch-site": "same-site" } });
      assert.equal(res.status, 200, `${origin}: ${res.body}`);
    }
    const viaFetch = await fetch(`${h.aws.url}/_clef/health`);
    assert.equal(viaFetch.status, 200);
    assert.equal((await h.sts.send(new GetCallerIdentityCommand({}))).Account, "000000000000");
  });

  it("accepts the hosts configured for containers, with or without a port", async () => {
    for (const host of ["local-aws", `local-aws:${port()}`, "Local-AWS:4566"]) {
      const res = await rawRequest(h.aws.url, { method: "GET", path: "/_clef/health", headers: { host } });
      assert.equal(res.status, 200, `${host}: ${res.body}`);
      const signed = await signedRequest(h.aws.url, { body: form("ListUsers"), headers: { host } });
      assert.equal(signed.status, 200, `${host}: ${signed.body}`);
    }
    const env = configFromEnv({
      LOCAL_AWS_ALLOWED_HOSTS: " local-aws , clef.internal:4566,,",
      LOCAL_AWS_ALLOWED_ORIGINS: "http://localhost:3000/",
    });
    assert.deepEqual(env.allowedHosts, ["local-aws", "clef.internal:4566"]);
    assert.deepEqual(env.allowedOrigins, ["http://localhost:3000"]);
    assert.deepEqual(configFromEnv({}).allowedHosts, []);
  });

  it("answers IAM and STS requests from a foreign Host or Origin with AWS's Query error, even when validly signed", async () => {
    const before = await userCount();
    const name = unique("rebind");
    const iam = await signedRequest(h.aws.url, { body: form("CreateUser", { UserName: name }), headers: { host: "evil.example" } });
    assert.equal(iam.status, 403, iam.body);
    const err = parseErrorXml(iam.body);
    assert.equal(err.code, "AccessDenied");
    assert.match(err.message, /Host 'evil\.example'/);
    assert.equal(iam.headers["x-amzn-requestid"], err.requestId);
    const sts = await signedRequest(
      h.aws.url,
      { body: form("GetCallerIdentity", {}, "2011-06-15"), headers: { host: "evil.example" } },
      { service: "sts" },
    );
    assert.equal(parseErrorXml(sts.body, STS_NS).code, "AccessDenied");
    const crossOrigin = await signedRequest(h.aws.url, {
      body: form("CreateUser", { UserName: name }),
      headers: { origin: "http://evil.example" },
    });
    assert.equal(crossOrigin.status, 403);
    assert.match(parseErrorXml(crossOrigin.body).message, /Origin 'http:\/\/evil\.example'/);
    const presigned = await signedRequest(
      h.aws.url,
      { method: "GET", query: { Action: "CreateUser", Version: "2010-05-08", UserName: name }, headers: { origin: "http://evil.example" } },
      { presign: true },
    );
    assert.equal(presigned.status, 403);
    assert.equal(await userCount(), before);
  });

  it("answers a JSON-protocol request (Organizations) from a foreign Host in the JSON error shape", async () => {
    const res = await rawRequest(h.aws.url, {
      body: "{}",
      headers: {
        host: "evil.example",
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSOrganizationsV20161128.DescribeOrganization",
      },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers["content-type"], "application/x-amz-json-1.1");
    const body = JSON.parse(res.body);
    assert.equal(body.__type, "AccessDeniedException");
    assert.match(body.Message, /Host 'evil\.example'/);
    assert.ok(res.headers["x-amzn-requestid"]);
  });
});
