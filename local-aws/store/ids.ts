import { randomFillSync, randomUUID, createHash } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * Random bytes drawn from a pool refilled 4 kB at a time (as randomUUID does), instead of a call into the CSPRNG per ID:
 * a profile of CreateUser under load showed those calls at 4% of the CPU. Every byte is used once.
 */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

function randomBytes(n: number): Buffer {
  if (n > pool.length) return randomFillSync(Buffer.alloc(n));
  if (poolUsed + n > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolUsed, poolUsed + n));
  poolUsed += n;
  return bytes;
}

function randomChars(n: number, alphabet = UPPER_ALNUM): string {
  const bytes = randomBytes(n);
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[bytes[i] % alphabet.length];
  return s;
}

/** AWS unique IDs: a four-letter prefix (AIDA user, AGPA group, AROA role, ANPA policy, AIPA instance profile) + 17. */
export const uniqueId = (prefix: "AIDA" | "AGPA" | "AROA" | "ANPA" | "AIPA" | "ASCA" | "ADPA") => prefix + randomChars(17);

/** A deterministic ID for catalogue entries (AWS managed policies) so they are stable across restarts. */
export function stableId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let s = "";
  for (let i = 0; i < 17; i++) s += UPPER_ALNUM[digest[i] % UPPER_ALNUM.length];
  return prefix + s;
}

export const accessKeyId = (prefix: "AKIA" | "ASIA" = "AKIA") => prefix + randomChars(16);

/** SSH public key (APKA) and service-specific credential (ACCA) IDs: 20 characters, like access key IDs. */
export const credentialId = (prefix: "APKA" | "ACCA") => prefix + randomChars(16);

export const secretAccessKey = () => randomChars(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

/** A request ID as AWS's look (a version 4 UUID); randomUUID draws from a buffered pool, not a crypto call per request. */
export const requestId = () => randomUUID();
