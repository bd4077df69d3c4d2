import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** scrypt with a random salt; the cost parameters travel with the hash so they can be raised later. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Recomputes the hash with the stored salt and parameters and compares in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

let dummy: string | undefined;

/** Spends the same time as a real check, so a missing user or profile cannot be told from a wrong password. */
export function burnPasswordCheck(password: string): void {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  verifyPassword(password, dummy);
}
