import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { base32Decode, base32Encode, consecutiveCodesMatch, newSeed, totpCode } from "../../local-aws/iam/totp";
import { qrPng } from "../../local-aws/iam/qr-png";

const RFC_SECRET = Buffer.from("12345678901234567890");

describe("TOTP for virtual MFA devices", () => {
  it("matches RFC 6238's SHA1 test vectors (last 6 digits)", () => {
    const vectors: [number, string][] = [
      [59, "287082"],
      [1111111109, "081804"],
      [1111111111, "050471"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ];
    for (const [seconds, code] of vectors) assert.equal(totpCode(RFC_SECRET, Math.floor(seconds / 30)), code);
  });

  it("round-trips base32 and makes 64-character seeds", () => {
    assert.equal(base32Encode(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert.deepEqual(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), RFC_SECRET);
    const seed = newSeed();
    assert.match(seed, /^[A-Z2-7]{64}$/);
    assert.equal(base32Decode(seed).length, 40);
  });

  it("accepts two consecutive codes near now, and nothing else", () => {
    const seed = base32Encode(RFC_SECRET);
    const now = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const code = (s: number) => totpCode(RFC_SECRET, s);
    assert.ok(consecutiveCodesMatch(seed, code(step - 1), code(step), now, 2));
    assert.ok(consecutiveCodesMatch(seed, code(step), code(step + 1), now, 2));
    assert.ok(!consecutiveCodesMatch(seed, code(step), code(step), now, 2));
    assert.ok(!consecutiveCodesMatch(seed, code(step + 1), code(step), now, 2));
    assert.ok(!consecutiveCodesMatch(seed, code(step - 10), code(step - 9), now, 2));
  });
});

describe("QR code PNG", () => {
  const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

  it("is a grayscale PNG sized by the smallest QR version that fits, with a 4-module quiet zone", () => {
    const small = qrPng("otpauth://totp");
    assert.deepEqual(small.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    assert.equal(small.subarray(12, 16).toString("latin1"), "IHDR");
    assert.deepEqual(pngSize(small), [(21 + 8) * 4, (21 + 8) * 4]);
    assert.deepEqual(pngSize(qrPng("otpauth://totp/")), [(25 + 8) * 4, (25 + 8) * 4]);
    assert.deepEqual(pngSize(qrPng("x".repeat(122))), [(45 + 8) * 4, (45 + 8) * 4]);
    assert.deepEqual(pngSize(qrPng("x".repeat(123))), [(49 + 8) * 4, (49 + 8) * 4]);
    assert.equal(small.subarray(-8, -4).toString("latin1"), "IEND");
  });

  it("draws the three finder patterns in the corners", () => {
    const png = qrPng("otpauth://totp");
    const [side] = pngSize(png);
    const rows = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    const dark = (mx: number, my: number) => rows[(my * 4 + 4 * 4) * (side + 1) + 1 + mx * 4 + 4 * 4] === 0;
    for (const [ox, oy] of [
      [0, 0],
      [14, 0],
      [0, 14],
    ]) {
      for (let i = 0; i < 7; i++) assert.ok(dark(ox + i, oy) && dark(ox, oy + i) && dark(ox + 6, oy + i) && dark(ox + i, oy + 6));
      assert.ok(!dark(ox + 1, oy + 1) && dark(ox + 3, oy + 3));
    }
  });
});
