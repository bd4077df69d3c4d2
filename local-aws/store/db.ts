import Database from "better-sqlite3";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

const SCHEMA_DIR = join(__dirname, "schema");

/** Opens (creating if needed) the SQLite store and applies every schema file in order. */
export function openDb(dataDir: string, file = "local-aws.sqlite"): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, file);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // The store holds secret access keys and session secrets: owner-only, like ~/.aws/credentials (SQLite gives -wal
  // and -shm the database file's mode).
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = OFF");
  db.pragma("busy_timeout = 5000");
  applySchema(db);
  return db;
}

/** Schema files up to this number are idempotent (CREATE ... IF NOT EXISTS) and run at every open. */
const BASELINE = 4;

/**
 * Applies the schema files `NNN-name.sql` in order. Files after BASELINE are migrations (they may ALTER): each runs once,
 * in a transaction with its record in PRAGMA user_version.
 */
export function applySchema(db: Db): void {
  const applied = db.pragma("user_version", { simple: true }) as number;
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort();
  for (const f of files) {
    const n = Number(f.slice(0, 3));
    if (n > BASELINE && n <= applied) continue;
    db.transaction(() => {
      db.exec(readFileSync(join(SCHEMA_DIR, f), "utf8"));
      if (n > applied) db.pragma(`user_version = ${n}`);
    })();
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

const runners = new WeakMap<Db, (fn: () => unknown) => unknown>();

/**
 * Runs `fn` in one transaction (a savepoint when nested); the wrapper is built once per connection, not per call. A
 * rollback moves the write stamp: rows it undid were counted as changes, and a cache built inside it is stale.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  let run = runners.get(db);
  if (!run) runners.set(db, (run = db.transaction((f: () => unknown) => f())));
  try {
    return run(fn) as T;
  } catch (err) {
    storeChanged(db);
    throw err;
  }
}

const localChanges = new WeakMap<Db, number>();

/** Moves the write stamp by hand: after a rollback, and after the /_clef/ routes that reset or restore the store. */
export function storeChanged(db: Db): void {
  localChanges.set(db, (localChanges.get(db) ?? 0) + 1);
}

/**
 * A stamp that differs whenever the store may have changed since it was read: rows written on this connection
 * (total_changes(), which counts every INSERT, UPDATE and DELETE, rolled back or not) and storeChanged(). Caches of
 * rows keep the stamp they were read at and are dropped when it moves. local-aws is the store's only writer (one
 * connection, one process), so commits by another connection need no check; reading the stamp touches no table.
 */
export function writeStamp(db: Db): string {
  return `${sql(db, "SELECT total_changes()").pluck().get() as number}.${localChanges.get(db) ?? 0}`;
}

/** Tables that hold an account's own data (everything but the AWS managed catalogue rows). */
export function dataTables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
}
