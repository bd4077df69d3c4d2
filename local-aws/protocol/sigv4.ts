import { createHmac, hash, timingSafeEqual } from "node:crypto";
import { AwsError } from "./errors";

export type SignedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

export type Credential = { accessKeyId: string; date: string; region: string; service: string };

export type ParsedAuth = Credential & {
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  fromQuery: boolean;
  /** A presigned request's X-Amz-Expires, in seconds. */
  expires?: number;
};

const ALGORITHM = "AWS4-HMAC-SHA256";
const SKEW_MS = 15 * 60 * 1000;
const MAX_EXPIRES = 604800;

export const missingToken = () => new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
export const invalidToken = () => new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
export const signatureMismatch = (message = "") =>
  new AwsError(
    "SignatureDoesNotMatch",
    message ||
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    403,
  );
const incomplete = (message: string) => new AwsError("IncompleteSignature", message, 400);

/** Reads the credential scope from the Authorization header or a presigned query, with AWS's wording for what is missing. */
export function parseAuthorization(req: SignedRequest): ParsedAuth {
  const header = req.headers["authorization"];
  if (typeof header === "string") return parseHeader(header, req);
  if (req.query.has("X-Amz-Algorithm") || req.query.has("X-Amz-Credential") || req.query.has("X-Amz-Signature")) {
    return parseQuery(req.query);
  }
  throw missingToken();
}

function parseHeader(header: string, req: SignedRequest): ParsedAuth {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const fields = new Map<string, string>();
  if (algorithm === ALGORITHM) {
    for (const raw of trimmed.slice(space < 0 ? trimmed.length : space).split(",")) {
      const part = raw.trim();
      if (!part) continue;
      const eq = part.indexOf("=");
      if (eq < 0) throw incomplete(`'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
      fields.set(part.slice(0, eq), part.slice(eq + 1));
    }
  }
  const amzDate = dateHeader(req.headers);
  const credentialField = fields.get("Credential");
  const signature = fields.get("Signature");
  const signedHeaders = fields.get("SignedHeaders");
  if (!credentialField || !signature || !signedHeaders || !amzDate) {
    const missing = [
      credentialField ? "" : "Authorization header requires 'Credential' parameter.",
      signature ? "" : "Authorization header requires 'Signature' parameter.",
      signedHeaders ? "" : "Authorization header requires 'SignedHeaders' parameter.",
      amzDate ? "" : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    ].filter(Boolean);
    throw incomplete(`${missing.join(" ")} Authorization=${header}`);
  }
  const scope = credential(credentialField);
  return {
    accessKeyId: scope.accessKeyId,
    date: scope.date,
    region: scope.region,
    service: scope.service,
    signedHeaders: signedHeaders.split(";"),
    signature,
    amzDate,
    fromQuery: false,
  };
}

function parseQuery(query: URLSearchParams): ParsedAuth {
  const names = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];
  if (names.some((n) => !query.get(n)) || query.get("X-Amz-Algorithm") !== ALGORITHM) {
    throw incomplete(
      `AWS query-string parameters must include ${names.map((n) => `'${n}'`).join(", ")}. Re-examine the query-string parameters.`,
    );
  }
  return {
    ...credential(query.get("X-Amz-Credential")!),
    signedHeaders: query.get("X-Amz-SignedHeaders")!.split(";"),
    signature: query.get("X-Amz-Signature")!,
    amzDate: query.get("X-Amz-Date")!,
    fromQuery: true,
    expires: query.has("X-Amz-Expires") ? expiresSeconds(query.get("X-Amz-Expires")!) : undefined,
  };
}

/** X-Amz-Expires checked in the words S3 uses (the Query services never word it): seconds, at most a week. */
function expiresSeconds(value: string): number {
  if (!/^-?\d+$/.test(value)) throw incomplete("X-Amz-Expires should be a number");
  if (value.startsWith("-")) throw incomplete("X-Amz-Expires must be non-negative");
  const seconds = Number(value);
  if (seconds > MAX_EXPIRES) {
    throw incomplete(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES} seconds`,
    );
  }
  return seconds;
}

function credential(value: string): Credential {
  const parts = value.split("/");
  if (parts.length !== 5 || parts.some((p) => p === "")) {
    throw incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${value}'`);
  }
  if (parts[4] !== "aws4_request") {
    throw signatureMismatch(`Credential should be scoped with a valid terminator: 'aws4_request', not '${parts[4]}'.`);
  }
  return { accessKeyId: parts[0], date: parts[1], region: parts[2], service: parts[3] };
}

/** X-Amz-Date as is, or an HTTP Date header turned into the same compact ISO 8601 form. */
function dateHeader(headers: SignedRequest["headers"]): string | undefined {
  const amz = headers["x-amz-date"];
  if (typeof amz === "string" && amz) return amz;
  const date = headers["date"];
  if (typeof date !== "string" || Number.isNaN(Date.parse(date))) return undefined;
  return compact(new Date(date));
}

/** Checks the request time is within AWS's 15 minutes, recomputes the signature and compares in constant time. */
export function verifySignature(req: SignedRequest, auth: ParsedAuth, secret: string, now = new Date()): void {
  const signedAt = parseCompact(auth.amzDate);
  if (signedAt === undefined) throw signatureMismatch();
  if (auth.date !== auth.amzDate.slice(0, 8)) {
    throw signatureMismatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (signedAt < now.getTime() - SKEW_MS) {
    throw signatureMismatch(
      `Signature expired: ${auth.amzDate} is now earlier than ${compact(new Date(now.getTime() - SKEW_MS))} (${compact(now)} - 15 min.)`,
    );
  }
  // IAM and STS themselves honour only the 15 minutes; a shorter X-Amz-Expires is enforced too, so a URL presigned for
  // one second cannot be replayed for a quarter of an hour (the default credentials test/test are public).
  if (auth.expires !== undefined && signedAt + auth.expires * 1000 < now.getTime()) {
    throw signatureMismatch(
      `Signature expired: ${auth.amzDate} is now earlier than ${compact(new Date(now.getTime() - auth.expires * 1000))} (${compact(now)} - ${auth.expires} sec.)`,
    );
  }
  if (signedAt > now.getTime() + SKEW_MS) {
    throw signatureMismatch(
      `Signature not yet current: ${auth.amzDate} is still later than ${compact(new Date(now.getTime() + SKEW_MS))} (${compact(now)} + 15 min.)`,
    );
  }
  const payloadHeader = req.headers["x-amz-content-sha256"];
  const bodyHash = sha256(req.body);
  const payloadHash = typeof payloadHeader === "string" && !auth.fromQuery ? payloadHeader : bodyHash;
  const key = cachedSigningKey(secret, auth.date, auth.region, auth.service);
  const expected = Buffer.from(hmac(key, stringToSign(auth, canonicalRequest(req, auth, payloadHash))).toString("hex"));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw signatureMismatch();
  if (payloadHash !== bodyHash && payloadHash !== "UNSIGNED-PAYLOAD") throw signatureMismatch();
}

export function canonicalRequest(req: SignedRequest, auth: Pick<ParsedAuth, "signedHeaders" | "fromQuery">, payloadHash: string): string {
  // The Query APIs' usual request, a POST to "/" with no query string, skips the encoding and sorting below.
  const query =
    req.query.size === 0
      ? ""
      : [...req.query]
          .filter(([k]) => !(auth.fromQuery && k === "X-Amz-Signature"))
          .map(([k, v]) => [rfc3986(k), rfc3986(v)])
          .sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])))
          .map(([k, v]) => `${k}=${v}`)
          .join("&");
  let headers = "";
  for (const h of auth.signedHeaders)
    headers += `${h}:${canonicalHeaderValue(Object.hasOwn(req.headers, h) ? req.headers[h] : undefined)}\n`;
  const path =
    req.path === "/"
      ? "/"
      : req.path
          .split("/")
          .map((s) => rfc3986(decodeSafe(s)))
          .join("/") || "/";
  return `${req.method}\n${path}\n${query}\n${headers}\n${auth.signedHeaders.join(";")}\n${payloadHash}`;
}

/** Values are trimmed and inner runs of whitespace collapse to one space; repeated headers join with commas. */
export function canonicalHeaderValue(value: string | string[] | undefined): string {
  if (typeof value === "string") return value.trim().replace(/\s+/g, " ");
  return (value ?? [""]).map((v) => v.trim().replace(/\s+/g, " ")).join(",");
}

export const stringToSign = (auth: Credential & { amzDate: string }, canonical: string) =>
  [ALGORITHM, auth.amzDate, `${auth.date}/${auth.region}/${auth.service}/aws4_request`, sha256(canonical)].join("\n");

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  let key = hmac(`AWS4${secret}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  return key;
}

/** Derived keys by secret, date, region and service: four HMACs a request saved; the oldest goes past the bound. */
const signingKeys = new Map<string, Buffer>();
export const SIGNING_KEYS_KEPT = 1024;

export function cachedSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${secret}\n${date}\n${region}\n${service}`;
  let key = signingKeys.get(id);
  if (!key) {
    if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.delete(signingKeys.keys().next().value!);
    signingKeys.set(id, (key = signingKey(secret, date, region, service)));
  }
  return key;
}

export const signingKeysKept = () => signingKeys.size;

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const sha256 = (data: string | Buffer) => hash("sha256", data, "hex");
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function parseCompact(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(t) ? undefined : t;
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
