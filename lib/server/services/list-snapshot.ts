import "server-only";
import type { Principal } from "../principal";

/**
 * How long a list read from IAM answers page requests. Changes the console makes itself drop the account's snapshots
 * at once (`invalidateListSnapshots`, called by every write route). A table reads IAM afresh when it opens and on its
 * Refresh button, so changes made elsewhere (the CLI, another console process) show then, and at most this long after.
 */
export const SNAPSHOT_TTL_MS = 30_000;
const MAX_SNAPSHOTS = 64;

type Entry = { at: number; value: Promise<readonly unknown[]> };
const snapshots = new Map<string, Entry>();

const accountOf = (key: string) => key.slice(0, key.indexOf("\0"));

/**
 * A whole IAM list (ListUsers to its last page...), kept per account, principal, session and list for SNAPSHOT_TTL_MS,
 * so paging, sorting and searching 10,000 users reads IAM once, not on every page. Each principal has its own
 * snapshot: what IAM lets one caller list says nothing of another. Concurrent readers share one in-flight load.
 */
export async function listSnapshot<T>(
  principal: Principal,
  list: string,
  load: () => Promise<T[]>,
  fresh = false,
): Promise<{ items: readonly T[]; ageMs: number }> {
  const key = [principal.accountId, principal.arn, principal.credentials.accessKeyId, list].join("\0");
  const now = Date.now();
  const hit = snapshots.get(key);
  if (hit && !fresh && now - hit.at < SNAPSHOT_TTL_MS) return { items: (await hit.value) as readonly T[], ageMs: Date.now() - hit.at };
  const value = load();
  const entry: Entry = { at: now, value };
  snapshots.delete(key);
  snapshots.set(key, entry);
  if (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
  value.catch(() => snapshots.get(key) === entry && snapshots.delete(key));
  return { items: await value, ageMs: Date.now() - now };
}

/** Drops every snapshot of the account: after any write the console makes there, the next page reads IAM again. */
export function invalidateListSnapshots(accountId: string) {
  for (const key of snapshots.keys()) if (accountOf(key) === accountId) snapshots.delete(key);
}
