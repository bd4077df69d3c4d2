import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StartError, type LocalAwsConfig } from "./config";
import type { Ctx } from "./context";
import { openDb, type Db } from "./store/db";
import { requestId as newRequestId } from "./store/ids";
import { accessDenied, AwsError, errorXml, serviceFailure } from "./protocol/errors";
import { paramTree, readInput, writeResponse, QueryParseError, isoSeconds } from "./protocol/query";
import { parseAuthorization, type SignedRequest } from "./protocol/sigv4";
import { validateInput } from "./protocol/validate";
import { authenticate, recordKeyUse } from "./authn";
import { authorize, changesPrincipals, iamStateChanged } from "./authz";
import { operation, queryServices, unknownService, type QueryService } from "./services";
import { bootstrap } from "./bootstrap";
import { clefAllowed, clefRoute, type ClefResponse } from "./clef-routes";
import { refusal } from "./request-origin";
import { SignInThrottle } from "./signin-throttle";

export const MAX_BODY = 1024 * 1024;

export type LocalAws = { server: Server; db: Db; url: string; close: () => Promise<void> };

export async function startLocalAws(config: LocalAwsConfig): Promise<LocalAws> {
  const db = openDb(config.dataDir);
  const { generatedRootPassword } = db.transaction(() => bootstrap(db, config))();
  const throttle = new SignInThrottle(config.signInThrottle);
  const server = createServer((req, res) => {
    handle(db, config, throttle, req, res).catch((err) => {
      console.error("local-aws: unexpected failure", err);
      const id = newRequestId();
      if (!res.headersSent) send(res, 500, "text/xml", errorXml(serviceFailure(), queryServices.iam.xmlns, id), id);
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
    throw listenError(err as NodeJS.ErrnoException, config);
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
          db.close();
          resolve();
        });
      }),
  };
}

function listenError(err: NodeJS.ErrnoException, config: LocalAwsConfig): Error {
  if (err.code === "EADDRINUSE") return new StartError(`local-aws: port ${config.port} is already in use (set LOCAL_AWS_PORT)`);
  if (err.code === "EACCES") return new StartError(`local-aws: not allowed to listen on port ${config.port} (set LOCAL_AWS_PORT)`);
  if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") {
    return new StartError(`local-aws: cannot listen on address ${config.host} (set LOCAL_AWS_HOST)`);
  }
  return err;
}

function send(res: ServerResponse, status: number, type: string, body: string, requestId?: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    ...headers,
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    ...(requestId ? { "x-amzn-requestid": requestId } : {}),
  });
  res.end(body);
}

/** The whole body, or undefined past MAX_BODY; an oversized body is still drained so the connection stays usable. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? undefined : Buffer.concat(chunks);
}

function signedRequest(req: IncomingMessage, url: URL, body: Buffer): SignedRequest {
  const headers: SignedRequest["headers"] = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) if (v) headers[k] = v.length === 1 ? v[0] : v;
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body };
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
  let xmlns = queryServices.iam.xmlns;
  try {
    const scope = parseAuthorization(signedRequest(req, url, body ?? Buffer.alloc(0))).service;
    if (Object.hasOwn(queryServices, scope)) xmlns = queryServices[scope].xmlns;
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
    return send(res, out.status, "application/json", JSON.stringify(out.body), undefined, out.headers);
  }

  let service: QueryService = queryServices.iam;
  try {
    if (!body) throw new AwsError("RequestEntityTooLarge", `HTTP content length exceeded ${MAX_BODY} bytes.`, 413);
    const signed = signedRequest(req, url, body);
    const auth = parseAuthorization(signed);
    if (!Object.hasOwn(queryServices, auth.service)) throw unknownService();
    service = queryServices[auth.service];
    const { caller } = authenticate(db, config, signed, auth);
    const params = new URLSearchParams(url.search);
    const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
    if (body.length && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"))) {
      for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params.append(k, v);
    }
    const action = params.get("Action");
    if (!action) throw new AwsError("MissingAction", "Missing Action", 400);
    const version = params.get("Version");
    const op = operation(service, action);
    if (!op || version !== service.version) {
      throw new AwsError("InvalidAction", `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`, 400);
    }
    let input: Record<string, unknown>;
    try {
      input = readInput(op.input, paramTree(params));
    } catch (err) {
      if (err instanceof QueryParseError) throw new AwsError("MalformedQueryString", err.message, 400);
      throw err;
    }
    validateInput(service.name, action, input);
    const now = new Date();
    const sourceIp = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const ctx: Ctx = {
      db,
      accountId: caller.accountId,
      caller,
      requestId,
      region: auth.region,
      now,
      sourceIp,
      quotas: { usersPerAccount: config.usersPerAccount },
    };
    // Serialising inside the transaction means an output the model cannot express rolls the write back.
    const xml = db.transaction(() => {
      authorize(ctx, service.name, action, input);
      recordKeyUse(db, caller.accessKeyId, service.name, auth.region, isoSeconds(now));
      if (changesPrincipals(action)) iamStateChanged(db);
      const output = service.handlers[action](input, ctx);
      return writeResponse(action, op.output, output ?? undefined, service.xmlns, requestId);
    })();
    send(res, 200, "text/xml", xml, requestId);
  } catch (err) {
    if (err instanceof AwsError) return send(res, err.status, "text/xml", errorXml(err, service.xmlns, requestId), requestId);
    console.error(`local-aws: ${requestId} failed`, err);
    send(res, 500, "text/xml", errorXml(serviceFailure(), service.xmlns, requestId), requestId);
  }
}
