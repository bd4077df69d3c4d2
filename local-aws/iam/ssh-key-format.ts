import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { AwsError } from "../protocol/errors";

export type SshKey = { key: KeyObject; wire: Buffer; encoding: "SSH" | "PEM" };

const MIN_BITS = 2048;

export const unrecognizedEncoding = () =>
  new AwsError("UnrecognizedPublicKeyEncoding", "The public key encoding format is unsupported or unrecognized.", 400);
const invalidKey = (message = "The public key is malformed or otherwise invalid.") => new AwsError("InvalidPublicKey", message, 400);

/** An SSH wire-format string: a 32-bit big-endian length, then the bytes. */
function readString(buf: Buffer, at: number): [Buffer, number] {
  if (at + 4 > buf.length) throw invalidKey();
  const end = at + 4 + buf.readUInt32BE(at);
  if (end > buf.length) throw invalidKey();
  return [buf.subarray(at + 4, end), end];
}

function sshString(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

/** An unsigned big integer as an SSH mpint: minimal, with a zero byte when the top bit is set. */
function mpint(unsigned: Buffer): Buffer {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return sshString(v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

const stripSign = (b: Buffer) => (b.length > 1 && b[0] === 0 ? b.subarray(1) : b);

function rsaWire(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  return Buffer.concat([
    sshString(Buffer.from("ssh-rsa")),
    mpint(Buffer.from(jwk.e!, "base64url")),
    mpint(Buffer.from(jwk.n!, "base64url")),
  ]);
}

function fromOpenSsh(type: string, base64: string): KeyObject {
  if (type !== "ssh-rsa") throw unrecognizedEncoding();
  const wire = Buffer.from(base64, "base64");
  if (wire.toString("base64").replace(/=+$/, "") !== base64.replace(/=+$/, "")) throw invalidKey();
  const [name, afterName] = readString(wire, 0);
  const [e, afterE] = readString(wire, afterName);
  const [n, end] = readString(wire, afterE);
  if (name.toString("latin1") !== "ssh-rsa" || end !== wire.length) throw invalidKey();
  try {
    return createPublicKey({
      key: { kty: "RSA", n: stripSign(n).toString("base64url"), e: stripSign(e).toString("base64url") },
      format: "jwk",
    });
  } catch {
    throw invalidKey();
  }
}

function fromPem(text: string): KeyObject {
  const label = /^-----BEGIN ([A-Z ]+)-----/.exec(text)?.[1];
  if (label !== "PUBLIC KEY" && label !== "RSA PUBLIC KEY") throw unrecognizedEncoding();
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch {
    throw invalidKey();
  }
  if (key.asymmetricKeyType !== "rsa") throw unrecognizedEncoding();
  return key;
}

/** An SSH public key as IAM accepts it: ssh-rsa (OpenSSH) or PEM, RSA of at least 2048 bits. */
export function parseSshPublicKey(body: string): SshKey {
  const text = body.trim();
  const openSsh = /^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+.*)?$/s.exec(text);
  const encoding = text.startsWith("-----BEGIN ") ? "PEM" : openSsh ? "SSH" : undefined;
  if (!encoding) throw unrecognizedEncoding();
  const key = encoding === "PEM" ? fromPem(text) : fromOpenSsh(openSsh![1], openSsh![2]);
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_BITS) {
    throw invalidKey(`The public key must be at least ${MIN_BITS} bits long.`);
  }
  return { key, wire: rsaWire(key), encoding };
}

/** The key's MD5 fingerprint as OpenSSH prints it (`ssh-keygen -l -E md5`): the digest of its wire blob, colon hex. */
export const md5Fingerprint = (wire: Buffer) =>
  createHash("md5")
    .update(wire)
    .digest("hex")
    .replace(/(..)(?!$)/g, "$1:");

/** The key in the other encoding GetSSHPublicKey may ask for; the body as uploaded when the encodings agree. */
export function encodeSshKey(body: string, want: "SSH" | "PEM"): string {
  const parsed = parseSshPublicKey(body);
  if (parsed.encoding === want) return body;
  return want === "SSH" ? `ssh-rsa ${parsed.wire.toString("base64")}` : (parsed.key.export({ type: "spki", format: "pem" }) as string);
}
