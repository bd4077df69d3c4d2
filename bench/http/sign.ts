import { createHash, createHmac } from "node:crypto";

/** A Query API request signed with SigV4 (Authorization header), the way the AWS SDK signs it. */
export type Signer = { accessKeyId: string; secret: string; region: string; service: string; host: string };

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
const keys = new Map<string, Buffer>();

function signingKey(s: Signer, date: string): Buffer {
  const id = `${s.secret}\n${date}\n${s.region}\n${s.service}`;
  let key = keys.get(id);
  if (!key) {
    key = hmac(`AWS4${s.secret}`, date);
    for (const part of [s.region, s.service, "aws4_request"]) key = hmac(key, part);
    keys.set(id, key);
  }
  return key;
}

export const amzDateOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Headers for a POST of `body` to "/", signed now (or at `at`). */
export function signedHeaders(s: Signer, body: string, at = new Date()): Record<string, string> {
  const amzDate = amzDateOf(at);
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${s.region}/${s.service}/aws4_request`;
  const canonical = [
    "POST",
    "/",
    "",
    `content-type:${CONTENT_TYPE}\nhost:${s.host}\nx-amz-date:${amzDate}\n`,
    "content-type;host;x-amz-date",
    sha256(body),
  ].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const signature = hmac(signingKey(s, date), toSign).toString("hex");
  return {
    "content-type": CONTENT_TYPE,
    host: s.host,
    "x-amz-date": amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/${scope}, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`,
  };
}

/** A Query API body: Action, Version and the parameters, form-encoded. */
export const queryBody = (action: string, params: Record<string, string> = {}) =>
  new URLSearchParams({ Action: action, Version: "2010-05-08", ...params }).toString();
