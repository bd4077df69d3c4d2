import { createHmac, randomBytes } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const STEP_SECONDS = 30;

/** A virtual MFA seed as AWS hands it out: 40 random bytes, 64 base32 characters. */
export const newSeed = () => base32Encode(randomBytes(40));

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/=+$/, "").toUpperCase()) {
    const v = BASE32.indexOf(c);
    if (v < 0) throw new Error("not base32");
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits) for one 30-second time step. */
export function totpCode(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac("sha1", key).update(counter).digest();
  const offset = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

export const timeStep = (when: Date) => Math.floor(when.getTime() / 1000 / STEP_SECONDS);

/** True when code1 and code2 are the codes of two consecutive steps within `drift` steps of now. */
export function consecutiveCodesMatch(seed: string, code1: string, code2: string, now: Date, drift: number): boolean {
  const key = base32Decode(seed);
  const current = timeStep(now);
  for (let step = current - drift; step <= current + drift; step++) {
    if (totpCode(key, step) === code1 && totpCode(key, step + 1) === code2) return true;
  }
  return false;
}
