import { existsSync, mkdirSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { bootstrap, resetAccountData } from "./bootstrap";

export type ClefResponse = { status: number; body: unknown };

const SNAPSHOT_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Local-only extras under /_clef/: health, reset, snapshots. */
export function clefRoute(db: Db, config: LocalAwsConfig, method: string, path: string): ClefResponse {
  const snapDir = join(config.dataDir, "snapshots");
  const parts = path.split("/").filter(Boolean).slice(1);
  if (method === "GET" && parts[0] === "health" && parts.length === 1) {
    return { status: 200, body: { status: "ok", accountId: config.accountId, services: ["iam", "sts"] } };
  }
  if (method === "POST" && parts[0] === "reset" && parts.length === 1) {
    db.transaction(() => {
      resetAccountData(db);
      bootstrap(db, config);
    })();
    return { status: 200, body: { reset: true } };
  }
  if (parts[0] === "snapshots") {
    if (method === "GET" && parts.length === 1) {
      const names = existsSync(snapDir) ? readdirSync(snapDir).filter((f) => f.endsWith(".sqlite")).map((f) => f.slice(0, -7)) : [];
      return { status: 200, body: { snapshots: names.sort() } };
    }
    const name = parts[1] ?? "";
    if (!SNAPSHOT_RE.test(name)) return { status: 400, body: { error: "Snapshot names are 1-64 of A-Z a-z 0-9 _ -" } };
    const file = join(snapDir, `${name}.sqlite`);
    if (method === "PUT" && parts.length === 2) {
      mkdirSync(snapDir, { recursive: true });
      if (existsSync(file)) unlinkSync(file);
      db.prepare("VACUUM INTO ?").run(file);
      return { status: 200, body: { saved: name } };
    }
    if (!existsSync(file)) return { status: 404, body: { error: `No snapshot named ${name}` } };
    if (method === "POST" && parts[2] === "restore" && parts.length === 3) {
      restoreSnapshot(db, file);
      return { status: 200, body: { restored: name } };
    }
    if (method === "DELETE" && parts.length === 2) {
      unlinkSync(file);
      return { status: 200, body: { deleted: name } };
    }
  }
  return { status: 404, body: { error: `No route ${method} ${path}` } };
}

function restoreSnapshot(db: Db, file: string): void {
  db.prepare("ATTACH DATABASE ? AS snap").run(file);
  try {
    db.transaction(() => {
      const tables = (db.prepare("SELECT name FROM snap.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]).map((r) => r.name);
      for (const t of tables) {
        db.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" SELECT * FROM snap."${t}";`);
      }
    })();
  } finally {
    db.exec("DETACH DATABASE snap");
  }
}
