import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { quotasOf, settingsOf, StartError, type LocalAwsConfig } from "./config";
import type { Caller, Ctx } from "./context";
import { inTransaction, openDb, storeChanged, type Db } from "./store/db";
import { requestId as newRequestId } from "./store/ids";
import { accessDenied, AwsError, errorXml, serviceFailure } from "./protocol/errors";
import { isoSeconds } from "./protocol/query";
import { errorReply, okReply, readRequest, type Reply, type WireRequest } from "./protocol/wire";
import { parseAuthorization, type SignedRequest } from "./protocol/sigv4";
import { validateInput } from "./protocol/validate";
import { authenticate } from "./authn";
import { authorize, changesPrincipals, iamStateChanged } from "./authz";
import { serviceFor, services, unknownService, type QueryService, type Service } from "./services";
import { settleDueWork } from "./deferred";
import { flushAccess, READS_LAST_USED, recordAccess, recordKeyUse, writeKeyUse } from "./iam/access-records";
import { bootstrap } from "./bootstrap";
import { clefAllowed, clefRoute, type ClefResponse } from "./clef-routes";
import { refusal } from "./request-origin";
import { SignInThrottle } from "./signin-throttle";

export const MAX_BODY = 1024 * 1024;

export type LocalAws = { server: Server; db: Db; url: string; close: () => Promise<void> };

export async function startLocalAws(config: LocalAwsConfig): Promise<LocalAws> {
  const db = openDb(config.dataDir);
  const throttle = new SignInThrottle(config.signInThrottle);
  const server = createServer((req, res) => {
    handle(db, config, throttle, req, res).catch((err) => {
      console.error("local-aws: unexpected failure", err);
      const id = newRequestId();
      if (!res.headersSent) send(res, 500, "text/xml", errorXml(serviceFailure(), "https://iam.amazonaws.com/doc/2010-05-08/", id), id);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    db.close();
    throw listenError(err as NodeJS.ErrnoException, { name: "local-aws", port: config.port, host: config.host, env: "LOCAL_AWS" });
  }
  // Only once the port is ours: a root password generated before a failed listen would be stored but never shown.
  // Nothing is served in between: the listen callback's continuation runs before any connection is handled.
  let generatedRootPassword: string | undefined;
  try {
    ({ generatedRootPassword } = db.transaction(() => bootstrap(db, config))());
  } catch (err) {
    server.close();
    db.close();
    throw err;
  }
  if (generatedRootPassword) {
    console.log(
      `local-aws: the root user's console password was generated (shown this once): ${generatedRootPassword}\n` +
        `local-aws: sign in as root with ${config.rootEmail}; set CLEF_ROOT_PASSWORD to choose your own.`,
    );
  }
  const { port } = server.address() as AddressInfo;
  return {
    server,
    db,
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          flushAccess(db);
          db.close();
          resolve();
        });
      }),
  };
}

/** A failed listen in one line that names the setting to change; `npm start` says the same of the console's port. */
export function listenError(err: NodeJS.ErrnoException, who: { name: string; port: number; host: string; env: string }): Error {
  const { name, port, host, env } = who;
  if (err.code === "EADDRINUSE") return new StartError(`${name}: port ${port} is already in use (set ${env}_PORT)`);
  if (err.code === "EACCES") return new StartError(`${name}: not allowed to listen on port ${port} (set ${env}_PORT)`);
  if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") {
    return new StartError(`${name}: cannot listen on address ${host} (set ${env}_HOST)`);
  }
  return err;
}

function send(res: ServerResponse, status: number, type: string, body: string, requestId?: string, headers?: Record<string, string>) {
  const out: Record<string, string | number> = headers ? { ...headers } : {};
  out["content-type"] = type;
  out["content-length"] = Buffer.byteLength(body);
  if (requestId) out["x-amzn-requestid"] = requestId;
  res.writeHead(status, out);
  res.end(body);
}

/**
 * The whole body, or undefined past MAX_BODY; an oversized body is still drained so the connection stays usable. A
 * request cut off before its end rejects, as the stream does.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.once("end", () => resolve(size > MAX_BODY ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("local-aws: the request was cut off before its end"));
    });
  });
}

/** The headers as SigV4 reads them: lower-case names, a repeated header's values in order (what headersDistinct gives). */
function signedRequest(req: IncomingMessage, url: URL, body: Buffer): SignedRequest {
  const headers: SignedRequest["headers"] = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const seen = headers[name];
    headers[name] = seen === undefined ? raw[i + 1] : Array.isArray(seen) ? [...seen, raw[i + 1]] : [seen, raw[i + 1]];
  }
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body };
}

/** The caller of the two STS operations that authenticate with their own token instead of a signature. */
const ANONYMOUS: Caller = { type: "anonymous", accountId: "", arn: "anonymous", userId: "anonymous", accessKeyId: "" };
const UNSIGNED_STS_ACTIONS = new Set(["AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"]);

/** AssumeRoleWithWebIdentity and AssumeRoleWithSAML "do not require the use of AWS security credentials": unsigned. */
function unsignedFederation(signed: SignedRequest, wire: WireRequest): boolean {
  if (signed.headers["authorization"] !== undefined || signed.query.has("X-Amz-Credential")) return false;
  try {
    return UNSIGNED_STS_ACTIONS.has(readRequest(services.sts, wire).action);
  } catch {
    return false;
  }
}

/**
 * A request from a foreign Host or Origin, answered before any protocol work in its protocol's shape: AWS's
 * AccessDenied (403), which is how AWS refuses a request it will not serve whatever its signature.
 */
function refuse(res: ServerResponse, req: IncomingMessage, url: URL, body: Buffer | undefined, message: string, requestId: string) {
  if (url.pathname.startsWith("/_clef/")) return send(res, 403, "application/json", JSON.stringify({ error: message }));
  const type = String(req.headers["content-type"] ?? "");
  if (type.startsWith("application/x-amz-json") || req.headers["x-amz-target"]) {
    const json = JSON.stringify({ __type: "AccessDeniedException", Message: message });
    return send(res, 403, "application/x-amz-json-1.1", json, requestId);
  }
  let xmlns = (services.iam as QueryService).xmlns;
  try {
    const scoped = serviceFor(parseAuthorization(signedRequest(req, url, body ?? Buffer.alloc(0))).service);
    if (scoped?.protocol === "query") xmlns = scoped.xmlns;
  } catch {
    // Unsigned or malformed: IAM's namespace, as for any other error before the service is known.
  }
  send(res, 403, "text/xml", errorXml(accessDenied(message), xmlns, requestId), requestId);
}

async function handle(db: Db, config: LocalAwsConfig, throttle: SignInThrottle, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const body = await readBody(req);
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://local");
  } catch {
    url = new URL("http://local/");
  }

  const refused = refusal(req.headers, config);
  if (refused) return refuse(res, req, url, body, refused, requestId);

  if (url.pathname.startsWith("/_clef/")) {
    iamStateChanged(db);
    let out: ClefResponse;
    if (!body) out = { status: 413, body: { error: `HTTP content length exceeded ${MAX_BODY} bytes.` } };
    else if (!clefAllowed(db, config, req.socket.remoteAddress, signedRequest(req, url, body)))
      out = { status: 403, body: { error: "Forbidden" } };
    else
      out = clefRoute(
        db,
        config,
        { method: req.method ?? "GET", path: url.pathname, body, remoteAddress: req.socket.remoteAddress },
        throttle,
      );
    // Reset and restore rewrite whole tables: whatever was cached from the store is stale.
    storeChanged(db);
    return send(res, out.status, "application/json", JSON.stringify(out.body), undefined, out.headers);
  }

  let service: Service = services.iam;
  const reply = (r: Reply) => send(res, r.status, r.type, r.body, requestId);
  try {
    if (!body) throw new AwsError("RequestEntityTooLarge", `HTTP content length exceeded ${MAX_BODY} bytes.`, 413);
    const signed = signedRequest(req, url, body);
    const wire = { url, headers: req.headers, body };
    let caller: Caller;
    let region = config.region;
    if (unsignedFederation(signed, wire)) {
      service = services.sts;
      caller = ANONYMOUS;
    } else {
      const auth = parseAuthorization(signed);
      service = serviceFor(auth.service) ?? service;
      if (service.name !== auth.service) throw unknownService();
      caller = authenticate(db, config, signed, auth).caller;
      region = auth.region;
    }
    const parsed = readRequest(service, wire);
    const { action, input } = parsed;
    recordAccess(db, caller, service.name, action, region, new Date());
    validateInput(service.name, action, input);
    const now = new Date();
    const sourceIp = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const ctx: Ctx = {
      db,
      accountId: caller.accountId,
      caller,
      requestId,
      region,
      now,
      sourceIp,
      quotas: quotasOf(config),
      settings: settingsOf(config),
    };
    // A key's last use is noted off the write path; the actions that show it see every use so far, their own included.
    const readsLastUsed = READS_LAST_USED.has(action);
    if (readsLastUsed) flushAccess(db);
    // Serialising inside the transaction means an output the model cannot express rolls the write back.
    const ok = inTransaction(db, () => {
      settleDueWork(ctx);
      authorize(ctx, service.name, action, input);
      if (readsLastUsed) writeKeyUse(db, caller, service.name, region, isoSeconds(now));
      if (changesPrincipals(action)) iamStateChanged(db);
      const output = service.handlers[action](input, ctx);
      return okReply(service, parsed, output ?? undefined, requestId);
    });
    if (!readsLastUsed) recordKeyUse(db, caller, service.name, region, isoSeconds(now));
    reply(ok);
  } catch (err) {
    if (err instanceof AwsError) return reply(errorReply(service, err, requestId));
    console.error(`local-aws: ${requestId} failed`, err);
    reply(errorReply(service, serviceFailure(), requestId));
  }
}
