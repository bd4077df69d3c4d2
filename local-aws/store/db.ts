import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

const SCHEMA_DIR = join(__dirname, "schema");

/** Opens (creating if needed) the SQLite store and applies every schema file in order. */
export function openDb(dataDir: string, file = "local-aws.sqlite"): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = OFF");
  db.pragma("busy_timeout = 5000");
  applySchema(db);
  return db;
}

export function applySchema(db: Db): void {
  for (const f of readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    db.exec(readFileSync(join(SCHEMA_DIR, f), "utf8"));
  }
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection. */
export function sql(db: Db, text: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = db.prepare(text)));
  return s;
}

/** Tables that hold an account's own data (everything but the AWS managed catalogue rows). */
export function dataTables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
}
