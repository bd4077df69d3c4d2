import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type AccessCheck = { id: string; name: string; actions: string[]; resources: string[]; createdAt: string; createdBy: string };

type File = { version: 1; accounts: Record<string, AccessCheck[]> };

/**
 * The console's own "must never be granted" checks, per account, in a JSON file beside local-aws's data: they are
 * Clef's, not AWS's, so they live with the console and work the same whether it talks to local-aws or to AWS.
 */
const path = () => join(process.env.CLEF_DATA_DIR ?? join(/* turbopackIgnore: true */ process.cwd(), ".clef"), "access-checks.json");

async function load(): Promise<File> {
  try {
    const parsed = JSON.parse(await readFile(path(), "utf8")) as File;
    return parsed?.version === 1 && parsed.accounts ? parsed : { version: 1, accounts: {} };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, accounts: {} };
    throw err;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time within the process, replaced atomically on disk. */
function update<T>(change: (file: File) => T): Promise<T> {
  const run = queue.then(async () => {
    const file = await load();
    const result = change(file);
    await mkdir(join(path(), ".."), { recursive: true });
    const tmp = `${path()}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
    await rename(tmp, path());
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function readAccessChecks(account: string): Promise<AccessCheck[]> {
  await queue;
  return (await load()).accounts[account] ?? [];
}

export const addAccessCheck = (account: string, check: Omit<AccessCheck, "id">) =>
  update((file) => {
    const made: AccessCheck = { id: `chk-${randomBytes(8).toString("hex")}`, ...check };
    (file.accounts[account] ??= []).push(made);
    return made;
  });

export const removeAccessCheck = (account: string, id: string) =>
  update((file) => {
    const list = file.accounts[account] ?? [];
    file.accounts[account] = list.filter((c) => c.id !== id);
    return list.length !== file.accounts[account].length;
  });
