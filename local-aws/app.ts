import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LocalAwsConfig } from "./config";
import type { Ctx } from "./context";
import { openDb, type Db } from "./store/db";
import { requestId as newRequestId } from "./store/ids";
import { AwsError, errorXml, serviceFailure } from "./protocol/errors";
import { paramTree, readInput, writeResponse, QueryParseError, isoSeconds } from "./protocol/query";
import { validateInput } from "./protocol/validate";
import { authenticate, recordKeyUse } from "./authn";
import { operation, queryServices, type QueryService } from "./services";
import { bootstrap } from "./bootstrap";
import { clefRoute } from "./clef-routes";

const MAX_BODY = 1024 * 1024;

export type LocalAws = { server: Server; db: Db; url: string; close: () => Promise<void> };

export async function startLocalAws(config: LocalAwsConfig): Promise<LocalAws> {
  const db = openDb(config.dataDir);
  db.transaction(() => bootstrap(db, config))();
  const server = createServer((req, res) => {
    handle(db, config, req, res).catch((err) => {
      console.error("local-aws: unexpected failure", err);
      if (!res.headersSent) send(res, 500, "text/xml", errorXml(serviceFailure(), queryServices.iam.xmlns, newRequestId()));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
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

function send(res: ServerResponse, status: number, type: string, body: string, requestId?: string) {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    ...(requestId ? { "x-amzn-requestid": requestId } : {}),
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const isLoopback = (addr: string | undefined) =>
  !!addr && (addr.startsWith("127.") || addr === "::1" || addr.startsWith("::ffff:127."));

async function handle(db: Db, config: LocalAwsConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const url = new URL(req.url ?? "/", "http://local");
  const body = await readBody(req);
  const sourceIp = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");

  if (url.pathname.startsWith("/_clef/")) {
    let allowed = isLoopback(req.socket.remoteAddress);
    if (!allowed && body) {
      try {
        const { caller } = authenticate(db, config, { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body });
        allowed = caller.type === "root";
      } catch {
        allowed = false;
      }
    }
    const out = allowed ? clefRoute(db, config, req.method ?? "GET", url.pathname) : { status: 403, body: { error: "Forbidden" } };
    return send(res, out.status, "application/json", JSON.stringify(out.body));
  }

  let service: QueryService = queryServices.iam;
  try {
    if (!body) throw new AwsError("RequestEntityTooLarge", `Request body must be at most ${MAX_BODY} bytes.`, 413);
    const { caller, auth } = authenticate(db, config, {
      method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body,
    });
    const target = queryServices[auth.service];
    if (!target) throw new AwsError("UnknownService", `Service ${auth.service} is not supported by local-aws.`, 400);
    service = target;
    const params = new URLSearchParams(url.search);
    const contentType = String(req.headers["content-type"] ?? "");
    if (body.length && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"))) {
      for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params.append(k, v);
    }
    const action = params.get("Action");
    if (!action) throw new AwsError("MissingAction", "Missing Action", 400);
    const version = params.get("Version");
    const op = operation(service, action);
    if (!op || (version !== null && version !== service.version)) {
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
    const ctx: Ctx = { db, accountId: caller.accountId, caller, requestId, region: auth.region, now, sourceIp };
    const output = db.transaction(() => {
      recordKeyUse(db, caller.accessKeyId, service.name, auth.region, isoSeconds(now));
      return service.handlers[action](input, ctx);
    })();
    send(res, 200, "text/xml", writeResponse(action, op.output, output ?? undefined, service.xmlns, requestId), requestId);
  } catch (err) {
    if (err instanceof AwsError) return send(res, err.status, "text/xml", errorXml(err, service.xmlns, requestId), requestId);
    console.error(`local-aws: ${requestId} failed`, err);
    send(res, 500, "text/xml", errorXml(serviceFailure(), service.xmlns, requestId), requestId);
  }
}
