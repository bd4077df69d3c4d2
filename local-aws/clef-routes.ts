import { existsSync, mkdirSync, readdirSync, unlinkSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { dataTables } from "./store/db";
import type { SignedRequest } from "./protocol/sigv4";
import { authenticate } from "./authn";
import { bootstrap, resetAccountData } from "./bootstrap";
import { discardAccess, flushAccess } from "./iam/access-records";
import {
  consoleSessionStatus,
  consoleSignIn,
  consoleSignOut,
  signInThrottleKeys,
  SIGNIN_FAILED,
  type SignInRequest,
} from "./console-signin";
import { throttledMessage, type SignInThrottle } from "./signin-throttle";
import { accountsRoute } from "./clef-accounts";
import { validatePolicyRoute } from "./clef-validate-policy";
import { services } from "./services";

export type ClefResponse = { status: number; body: unknown; headers?: Record<string, string> };

/** What a /_clef/ route reads of the request; `remoteAddress` is the socket's peer. */
export type ClefRequest = { method: string; path: string; body: Buffer; remoteAddress?: string };

const SNAPSHOT_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const isLoopback = (addr: string | undefined) =>
  !!addr && (addr.startsWith("127.") || addr === "::1" || addr.startsWith("::ffff:127."));

/** /_clef/ answers loopback callers; any other caller must sign the request with the default account root's key. */
export function clefAllowed(db: Db, config: LocalAwsConfig, remoteAddress: string | undefined, req: SignedRequest): boolean {
  if (isLoopback(remoteAddress)) return true;
  try {
    const { caller } = authenticate(db, config, req);
    return caller.type === "root" && caller.accountId === config.accountId;
  } catch {
    return false;
  }
}

/** Local-only extras under /_clef/: health, reset, snapshots, policy validation. */
export function clefRoute(db: Db, config: LocalAwsConfig, req: ClefRequest, throttle: SignInThrottle): ClefResponse {
  const { method, path, body } = req;
  try {
    if (method === "POST" && path === "/_clef/console-signin") return signIn(db, config, req, throttle);
    if (method === "POST" && path === "/_clef/console-signout") return signOut(db, body);
    if (method === "POST" && path === "/_clef/console-session") return sessionStatus(db, body);
    return route(db, config, method, path, body);
  } catch (err) {
    console.error(`local-aws: ${method} ${path} failed`, err);
    return { status: 500, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}

function route(db: Db, config: LocalAwsConfig, method: string, path: string, body: Buffer): ClefResponse {
  const snapDir = join(config.dataDir, "snapshots");
  const parts = path.split("/").filter(Boolean).slice(1);
  if (method === "GET" && parts[0] === "health" && parts.length === 1) {
    return { status: 200, body: { status: "ok", accountId: config.accountId, services: Object.keys(services) } };
  }
  if (parts[0] === "accounts" && parts.length <= 3) return accountsRoute(db, config, method, parts, jsonBody(body));
  if (method === "POST" && parts[0] === "validate-policy" && parts.length === 1) return validatePolicyRoute(jsonBody(body));
  if (method === "POST" && parts[0] === "reset" && parts.length === 1) {
    db.transaction(() => {
      resetAccountData(db, config.accountId);
      bootstrap(db, config);
    })();
    return { status: 200, body: { reset: true } };
  }
  if (parts[0] === "snapshots" && parts.length <= 3) {
    if (method === "GET" && parts.length === 1) {
      const names = existsSync(snapDir)
        ? readdirSync(snapDir)
            .filter((f) => f.endsWith(".sqlite"))
            .map((f) => f.slice(0, -7))
        : [];
      return { status: 200, body: { snapshots: names.sort() } };
    }
    const name = parts[1] ?? "";
    if (!SNAPSHOT_RE.test(name)) return { status: 400, body: { error: "Snapshot names are 1-64 of A-Z a-z 0-9 _ -" } };
    const file = join(snapDir, `${name}.sqlite`);
    if (method === "PUT" && parts.length === 2) {
      mkdirSync(snapDir, { recursive: true });
      if (existsSync(file)) unlinkSync(file);
      flushAccess(db);
      db.prepare("VACUUM INTO ?").run(file);
      return { status: 200, body: { saved: name } };
    }
    const restore = method === "POST" && parts[2] === "restore";
    const remove = method === "DELETE" && parts.length === 2;
    if ((restore || remove) && !existsSync(file)) return { status: 404, body: { error: `No snapshot named ${name}` } };
    if (restore) {
      restoreSnapshot(db, config, file);
      return { status: 200, body: { restored: name } };
    }
    if (remove) {
      unlinkSync(file);
      return { status: 200, body: { deleted: name } };
    }
  }
  return { status: 404, body: { error: `No route ${method} ${path}` } };
}

/** Replaces every table's rows with the snapshot's, copying the columns both schemas share (a snapshot may predate a column). */
function restoreSnapshot(db: Db, config: LocalAwsConfig, file: string): void {
  discardAccess(db);
  db.prepare("ATTACH DATABASE ? AS snap").run(file);
  try {
    db.transaction(() => {
      const snapTables = new Set(
        (db.prepare("SELECT name FROM snap.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      for (const t of dataTables(db)) {
        db.exec(`DELETE FROM main."${t}"`);
        if (!snapTables.has(t)) continue;
        const snapCols = new Set((db.prepare(`PRAGMA snap.table_info("${t}")`).all() as { name: string }[]).map((c) => c.name));
        const cols = (db.prepare(`PRAGMA main.table_info("${t}")`).all() as { name: string }[])
          .map((c) => c.name)
          .filter((c) => snapCols.has(c))
          .map((c) => `"${c}"`)
          .join(", ");
        db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM snap."${t}"`);
      }
      bootstrap(db, config);
    })();
  } finally {
    db.exec("DETACH DATABASE snap");
  }
}

function jsonBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body.toString("utf8"));
    return v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === "string" && v.length <= 512 ? v : undefined);

/**
 * Console sign-in: root (email + password) or IAM user (account ID or alias, user name, password). The console's
 * server signs in for its users, so it may name the end client's address as `clientIp`; otherwise it is the peer.
 */
function signIn(db: Db, config: LocalAwsConfig, { body, remoteAddress }: ClefRequest, throttle: SignInThrottle): ClefResponse {
  const b = jsonBody(body);
  let req: SignInRequest | undefined;
  if (b?.type === "root" && str(b.email) && str(b.password) !== undefined)
    req = { type: "root", email: str(b.email)!, password: str(b.password)! };
  if (b?.type === "iam" && str(b.account) && str(b.userName) && str(b.password) !== undefined) {
    req = { type: "iam", account: str(b.account)!, userName: str(b.userName)!, password: str(b.password)! };
  }
  if (!req)
    return { status: 400, body: { error: "Expected {type: 'root', email, password} or {type: 'iam', account, userName, password}." } };
  const client = typeof b?.clientIp === "string" && isIP(b.clientIp) ? b.clientIp : (remoteAddress ?? "").replace(/^::ffff:/, "");
  const keys = signInThrottleKeys(db, req, client);
  const wait = throttle.retryAfterMs(keys);
  if (wait > 0) {
    const { seconds, message } = throttledMessage(wait);
    return { status: 429, body: { error: message, retryAfterSeconds: seconds }, headers: { "retry-after": String(seconds) } };
  }
  const result = db.transaction(() => consoleSignIn(db, config, req))();
  if (!result) {
    throttle.failed(keys);
    return { status: 401, body: { error: SIGNIN_FAILED } };
  }
  throttle.succeeded(keys);
  return { status: 200, body: result };
}

/**
 * Whether a console session's user must still choose a new password: the console lifts its change-password-only
 * restriction on this answer, never on its own say-so.
 */
function sessionStatus(db: Db, body: Buffer): ClefResponse {
  const accessKeyId = str(jsonBody(body)?.accessKeyId);
  if (!accessKeyId) return { status: 400, body: { error: "Expected {accessKeyId}." } };
  const status = consoleSessionStatus(db, accessKeyId);
  return status ? { status: 200, body: status } : { status: 404, body: { error: "No such session." } };
}

function signOut(db: Db, body: Buffer): ClefResponse {
  const accessKeyId = str(jsonBody(body)?.accessKeyId);
  if (!accessKeyId) return { status: 400, body: { error: "Expected {accessKeyId}." } };
  return { status: 200, body: { signedOut: db.transaction(() => consoleSignOut(db, accessKeyId))() } };
}
