import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AwsError } from "./errors";

export type SignedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

export type Credential = { accessKeyId: string; date: string; region: string; service: string };

const AUTH_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

export const missingToken = () => new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
export const invalidToken = () =>
  new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
export const signatureMismatch = () =>
  new AwsError(
    "SignatureDoesNotMatch",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    403,
  );

export type ParsedAuth = Credential & { signedHeaders: string[]; signature: string; amzDate: string; fromQuery: boolean };

/** Reads the credential scope from the Authorization header or a presigned query. */
export function parseAuthorization(req: SignedRequest): ParsedAuth {
  const header = req.headers["authorization"];
  if (typeof header === "string") {
    const m = AUTH_RE.exec(header.trim());
    if (!m) throw new AwsError("IncompleteSignature", "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.", 400);
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(";"), signature: m[6], amzDate, fromQuery: false };
  }
  const cred = req.query.get("X-Amz-Credential");
  if (req.query.get("X-Amz-Algorithm") === "AWS4-HMAC-SHA256" && cred) {
    const [accessKeyId, date, region, service] = cred.split("/");
    return {
      accessKeyId, date, region, service,
      signedHeaders: (req.query.get("X-Amz-SignedHeaders") ?? "host").split(";"),
      signature: req.query.get("X-Amz-Signature") ?? "",
      amzDate: req.query.get("X-Amz-Date") ?? "",
      fromQuery: true,
    };
  }
  throw missingToken();
}

/** Recomputes the SigV4 signature with the key's secret and compares in constant time. */
export function verifySignature(req: SignedRequest, auth: ParsedAuth, secret: string, now = new Date()): void {
  if (!/^\d{8}T\d{6}Z$/.test(auth.amzDate)) throw signatureMismatch();
  const signedAt = Date.parse(
    `${auth.amzDate.slice(0, 4)}-${auth.amzDate.slice(4, 6)}-${auth.amzDate.slice(6, 8)}T${auth.amzDate.slice(9, 11)}:${auth.amzDate.slice(11, 13)}:${auth.amzDate.slice(13, 15)}Z`,
  );
  if (!auth.fromQuery && Math.abs(now.getTime() - signedAt) > 15 * 60 * 1000) {
    throw new AwsError(
      "SignatureDoesNotMatch",
      `Signature expired: ${auth.amzDate} is now earlier than ${compact(new Date(now.getTime() - 15 * 60 * 1000))} (${compact(now)} - 15 min.)`,
      403,
    );
  }
  const query = new URLSearchParams(req.query);
  if (auth.fromQuery) query.delete("X-Amz-Signature");
  const canonicalQuery = [...query]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = auth.signedHeaders
    .map((h) => {
      const v = req.headers[h];
      const value = Array.isArray(v) ? v.join(",") : (v ?? "");
      return `${h}:${value.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const payloadHeader = req.headers["x-amz-content-sha256"];
  const payloadHash = auth.fromQuery
    ? "UNSIGNED-PAYLOAD"
    : typeof payloadHeader === "string"
      ? payloadHeader
      : sha256(req.body);
  const canonicalPath = req.path.split("/").map((s) => rfc3986(decodeURIComponentSafe(s))).join("/") || "/";
  const canonicalRequest = [req.method, canonicalPath, canonicalQuery, canonicalHeaders, auth.signedHeaders.join(";"), payloadHash].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", auth.amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${secret}`, auth.date);
  for (const part of [auth.region, auth.service, "aws4_request"]) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString("hex"));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw signatureMismatch();
  if (!auth.fromQuery && typeof payloadHeader === "string" && payloadHeader !== "UNSIGNED-PAYLOAD" && payloadHeader !== sha256(req.body)) {
    throw signatureMismatch();
  }
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compact = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
