import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { SourceData } from "@smithy/types";

/** node:crypto behind the Checksum interface @smithy/signature-v4 expects. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret ? createHmac("sha256", Buffer.from(this.secret as Uint8Array)) : createHash("sha256");
  }
  update(data: SourceData) {
    this.hash.update(typeof data === "string" ? data : Buffer.from(data as Uint8Array));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {
    this.hash = this.fresh();
  }
}

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export type RawRequest = {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

/** Sends exactly the given request (no signing) over node:http, so tests control every byte. */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const qs = new URLSearchParams(req.query ?? {}).toString();
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? "POST",
        path: (req.path ?? "/") + (qs ? `?${qs}` : ""),
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(body);
  });
}

export type SignOptions = {
  service?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  signingDate?: Date;
  presign?: boolean;
  /** X-Amz-Expires of a presigned request, in seconds (900 unless given). */
  expiresIn?: number;
};

/** Signs the request with SigV4 as the SDK would (or presigns it into the query string). */
export async function sign(baseUrl: string, req: RawRequest, opts: SignOptions = {}) {
  const url = new URL(baseUrl);
  const signer = new SignatureV4({
    service: opts.service ?? "iam",
    region: opts.region ?? "us-east-1",
    credentials: { accessKeyId: opts.accessKeyId ?? "test", secretAccessKey: opts.secretAccessKey ?? "test" },
    sha256: Sha256,
    applyChecksum: false,
  });
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const toSign = {
    method: req.method ?? "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: req.path ?? "/",
    query: { ...(req.query ?? {}) },
    headers: {
      host: url.host,
      ...(body && !req.headers?.["content-type"] ? { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } : {}),
      ...req.headers,
    },
    body,
  };
  const signed = opts.presign
    ? await signer.presign(toSign, { signingDate: opts.signingDate, expiresIn: opts.expiresIn ?? 900 })
    : await signer.sign(toSign, { signingDate: opts.signingDate });
  return { method: signed.method, path: signed.path, query: signed.query as Record<string, string>, headers: signed.headers, body };
}

/** Signs (or presigns) the request, then sends it. */
export async function signedRequest(baseUrl: string, req: RawRequest, opts: SignOptions = {}): Promise<RawResponse> {
  return rawRequest(baseUrl, await sign(baseUrl, req, opts));
}

/** A Query request body: Action, Version and the given parameters, form-encoded. */
export const form = (action: string, params: Record<string, string> = {}, version = "2010-05-08") =>
  new URLSearchParams({ Action: action, Version: version, ...params }).toString();

export type ErrorXml = { type: string; code: string; message: string; requestId: string };

const ERROR_RE =
  /^<ErrorResponse xmlns="([^"]+)">\s*<Error>\s*<Type>(Sender|Receiver)<\/Type>\s*<Code>([^<]+)<\/Code>\s*(?:<Message>([^<]*)<\/Message>\s*)?<\/Error>\s*<RequestId>([0-9a-f-]{36})<\/RequestId>\s*<\/ErrorResponse>\s*$/;

/** Parses AWS's Query error document strictly (element order, namespace); throws on anything else. */
export function parseErrorXml(body: string, xmlns = "https://iam.amazonaws.com/doc/2010-05-08/"): ErrorXml {
  const m = ERROR_RE.exec(body);
  if (!m) throw new Error(`not an AWS Query error document:\n${body.slice(0, 500)}`);
  if (m[1] !== xmlns) throw new Error(`error namespace ${m[1]}, expected ${xmlns}`);
  const unescape = (s: string) =>
    s.replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+);/g, (_, e: string) =>
      e.startsWith("#x")
        ? String.fromCharCode(parseInt(e.slice(2), 16))
        : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e],
    );
  return { type: m[2], code: m[3], message: unescape(m[4] ?? ""), requestId: m[5] };
}
