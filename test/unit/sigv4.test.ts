import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import {
  cachedSigningKey,
  canonicalHeaderValue,
  canonicalRequest,
  parseAuthorization,
  SIGNING_KEYS_KEPT,
  signingKey,
  signingKeysKept,
  stringToSign,
  verifySignature,
  type SignedRequest,
} from "../../local-aws/protocol/sigv4";
import { AwsError } from "../../local-aws/protocol/errors";
import { sign } from "../helpers/signed-request";

// AWS's published SigV4 examples: the Signature Version 4 test suite (aws-c-auth) and the IAM ListUsers walkthrough.
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const AMZ_DATE = "20150830T123600Z";
const AT = new Date("2015-08-30T12:36:00Z");
const EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function request(
  method: string,
  path: string,
  query: string,
  headers: Record<string, string>,
  signature: string,
  service = "service",
): SignedRequest {
  const signed = Object.keys(headers).sort().join(";");
  return {
    method,
    path,
    query: new URLSearchParams(query),
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/${service}/aws4_request, SignedHeaders=${signed}, Signature=${signature}`,
    },
    body: Buffer.alloc(0),
  };
}

const vanilla = { host: "example.amazonaws.com", "x-amz-date": AMZ_DATE };
const mismatch = (message?: string | RegExp) => (err: unknown) => {
  assert.ok(err instanceof AwsError);
  assert.equal(err.code, "SignatureDoesNotMatch");
  assert.equal(err.status, 403);
  if (typeof message === "string") assert.equal(err.message, message);
  else if (message) assert.match(err.message, message);
  return true;
};

describe("SigV4 known answers", () => {
  const cases: [string, SignedRequest][] = [
    ["get-vanilla", request("GET", "/", "", vanilla, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")],
    [
      "get-vanilla-query-order-key-case",
      request("GET", "/", "Param2=value2&Param1=value1", vanilla, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
    ],
    ["get-utf8", request("GET", "/%E1%88%B4", "", vanilla, "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")],
    ["post-vanilla", request("POST", "/", "", vanilla, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")],
  ];
  for (const [name, req] of cases) {
    it(`verifies ${name}`, () => {
      verifySignature(req, parseAuthorization(req), SECRET, AT);
    });
  }

  it("rejects each of them once a byte changes", () => {
    const [, req] = cases[1];
    const tampered = { ...req, query: new URLSearchParams("Param2=value2&Param1=value2") };
    assert.throws(() => verifySignature(tampered, parseAuthorization(tampered), SECRET, AT), mismatch());
    assert.throws(() => verifySignature(req, parseAuthorization(req), `${SECRET}x`, AT), mismatch());
  });

  it("reproduces the IAM ListUsers example step by step: canonical request, signing key, signature", () => {
    const req = request(
      "GET",
      "/",
      "Action=ListUsers&Version=2010-05-08",
      { "content-type": "application/x-www-form-urlencoded; charset=utf-8", host: "iam.amazonaws.com", "x-amz-date": AMZ_DATE },
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
      "iam",
    );
    const auth = parseAuthorization(req);
    assert.deepEqual(
      { accessKeyId: auth.accessKeyId, date: auth.date, region: auth.region, service: auth.service, signedHeaders: auth.signedHeaders },
      {
        accessKeyId: "AKIDEXAMPLE",
        date: "20150830",
        region: "us-east-1",
        service: "iam",
        signedHeaders: ["content-type", "host", "x-amz-date"],
      },
    );
    const canonical = canonicalRequest(req, auth, EMPTY_SHA);
    assert.equal(
      canonical,
      "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n" +
        `host:iam.amazonaws.com\nx-amz-date:${AMZ_DATE}\n\ncontent-type;host;x-amz-date\n${EMPTY_SHA}`,
    );
    assert.equal(createHash("sha256").update(canonical).digest("hex"), "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    assert.equal(
      stringToSign(auth, canonical),
      `AWS4-HMAC-SHA256\n${AMZ_DATE}\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59`,
    );
    assert.equal(
      signingKey(SECRET, "20150830", "us-east-1", "iam").toString("hex"),
      "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
    );
    verifySignature(req, auth, SECRET, AT);
  });
});

describe("SigV4 canonical headers and query", () => {
  it("trims values, collapses inner whitespace and joins repeated headers with commas", () => {
    assert.equal(canonicalHeaderValue("  a   b \t c  "), "a b c");
    assert.equal(canonicalHeaderValue(["x ", "  y  z"]), "x,y z");
    assert.equal(canonicalHeaderValue("value1\n   value2"), "value1 value2");
    assert.equal(canonicalHeaderValue(undefined), "");
  });

  it("sorts parameters by encoded name then value, RFC 3986-encodes them and drops X-Amz-Signature when presigned", () => {
    const req: SignedRequest = {
      method: "GET",
      path: "/",
      query: new URLSearchParams("b=2&a=z&a=y&A=0&sp=a b&star=*!'()&X-Amz-Signature=abc"),
      headers: { host: "h" },
      body: Buffer.alloc(0),
    };
    const canonical = canonicalRequest(req, { signedHeaders: ["host"], fromQuery: true }, EMPTY_SHA);
    assert.equal(canonical.split("\n")[2], "A=0&a=y&a=z&b=2&sp=a%20b&star=%2A%21%27%28%29");
  });
});

describe("SigV4 parsing and freshness", () => {
  const base = { method: "POST", path: "/", query: new URLSearchParams(), body: Buffer.alloc(0) };
  const incomplete = (message: string | RegExp) => (err: unknown) => {
    assert.ok(err instanceof AwsError);
    assert.equal(err.code, "IncompleteSignature");
    assert.equal(err.status, 400);
    if (typeof message === "string") assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  };

  it("names every missing Authorization component, ending with the header as sent", () => {
    const header = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request";
    assert.throws(
      () => parseAuthorization({ ...base, headers: { authorization: header } }),
      incomplete(
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. " +
          `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${header}`,
      ),
    );
  });

  it("accepts an HTTP Date header in place of X-Amz-Date", () => {
    const auth = parseAuthorization({
      ...base,
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=date;host, Signature=00",
        date: "Sun, 30 Aug 2015 12:36:00 GMT",
      },
    });
    assert.equal(auth.amzDate, AMZ_DATE);
  });

  it("answers a request without any credentials with MissingAuthenticationToken", () => {
    assert.throws(() => parseAuthorization({ ...base, headers: {} }), { code: "MissingAuthenticationToken", status: 403 });
  });

  it("allows 15 minutes of clock skew either way, in AWS's words beyond that", () => {
    const req = request("GET", "/", "", vanilla, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    const auth = parseAuthorization(req);
    verifySignature(req, auth, SECRET, new Date(AT.getTime() + 15 * 60 * 1000));
    verifySignature(req, auth, SECRET, new Date(AT.getTime() - 15 * 60 * 1000));
    assert.throws(
      () => verifySignature(req, auth, SECRET, new Date("2015-08-30T12:51:01Z")),
      mismatch("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)"),
    );
    assert.throws(
      () => verifySignature(req, auth, SECRET, new Date("2015-08-30T12:20:59Z")),
      mismatch("Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)"),
    );
  });

  it("requires the credential scope's date to be the request's date", () => {
    const req = request("GET", "/", "", { ...vanilla, "x-amz-date": "20150831T000100Z" }, "00".repeat(32));
    assert.throws(
      () => verifySignature(req, parseAuthorization(req), SECRET, new Date("2015-08-31T00:01:00Z")),
      mismatch(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T000100Z'.",
      ),
    );
  });

  it("checks a signed x-amz-content-sha256 against the body", () => {
    const headers = { ...vanilla, "x-amz-content-sha256": EMPTY_SHA };
    const unsigned = request("POST", "/", "", headers, "00");
    const auth = parseAuthorization(unsigned);
    const key = signingKey(SECRET, auth.date, auth.region, auth.service);
    const signature = createHmac("sha256", key)
      .update(stringToSign(auth, canonicalRequest(unsigned, auth, EMPTY_SHA)))
      .digest("hex");
    const honest = request("POST", "/", "", headers, signature);
    verifySignature(honest, parseAuthorization(honest), SECRET, AT);
    const lying = { ...honest, body: Buffer.from("Action=DeleteUser&UserName=alice") };
    assert.throws(() => verifySignature(lying, parseAuthorization(lying), SECRET, AT), mismatch());
  });

  it("honours a presigned URL's X-Amz-Expires (the SDK's presigner), never beyond 15 minutes", async () => {
    const presigned = async (expiresIn: number) => {
      const s = await sign(
        "http://127.0.0.1:4566",
        { method: "GET", query: { Action: "ListUsers", Version: "2010-05-08" } },
        {
          presign: true,
          expiresIn,
          signingDate: AT,
        },
      );
      const req: SignedRequest = {
        method: "GET",
        path: "/",
        query: new URLSearchParams(s.query),
        headers: { host: s.headers.host },
        body: Buffer.alloc(0),
      };
      return { req, auth: parseAuthorization(req) };
    };
    const second = await presigned(1);
    assert.equal(second.auth.expires, 1);
    verifySignature(second.req, second.auth, "test", new Date(AT.getTime() + 1000));
    assert.throws(
      () => verifySignature(second.req, second.auth, "test", new Date(AT.getTime() + 3000)),
      mismatch("Signature expired: 20150830T123600Z is now earlier than 20150830T123602Z (20150830T123603Z - 1 sec.)"),
    );
    const week = await presigned(604800);
    verifySignature(week.req, week.auth, "test", new Date(AT.getTime() + 15 * 60 * 1000));
    assert.throws(() => verifySignature(week.req, week.auth, "test", new Date(AT.getTime() + 16 * 60 * 1000)), mismatch(/- 15 min\.\)$/));
  });
});

describe("SigV4 signing key cache", () => {
  it("derives the same key as signingKey, one per secret, date, region and service", () => {
    const key = cachedSigningKey(SECRET, "20150830", "us-east-1", "iam");
    assert.deepEqual(key, signingKey(SECRET, "20150830", "us-east-1", "iam"));
    assert.equal(cachedSigningKey(SECRET, "20150830", "us-east-1", "iam"), key, "the second request reuses it");
    for (const other of [
      cachedSigningKey(`${SECRET}x`, "20150830", "us-east-1", "iam"),
      cachedSigningKey(SECRET, "20150831", "us-east-1", "iam"),
      cachedSigningKey(SECRET, "20150830", "eu-west-1", "iam"),
      cachedSigningKey(SECRET, "20150830", "us-east-1", "sts"),
    ]) {
      assert.notDeepEqual(other, key);
    }
  });

  it("still refuses a wrong secret once the right one's key is cached", () => {
    const unsigned = request("GET", "/", "", vanilla, "00");
    const auth = parseAuthorization(unsigned);
    const signature = createHmac("sha256", signingKey(SECRET, auth.date, auth.region, auth.service))
      .update(stringToSign(auth, canonicalRequest(unsigned, auth, EMPTY_SHA)))
      .digest("hex");
    const signed = request("GET", "/", "", vanilla, signature);
    verifySignature(signed, parseAuthorization(signed), SECRET, AT);
    assert.throws(() => verifySignature(signed, parseAuthorization(signed), `${SECRET}x`, AT), mismatch());
  });

  it("keeps at most SIGNING_KEYS_KEPT keys, dropping the oldest", () => {
    const first = cachedSigningKey("first-secret", "20150830", "us-east-1", "iam");
    for (let i = 0; i < SIGNING_KEYS_KEPT; i++) cachedSigningKey(`secret-${i}`, "20150830", "us-east-1", "iam");
    assert.equal(signingKeysKept(), SIGNING_KEYS_KEPT);
    assert.notEqual(cachedSigningKey("first-secret", "20150830", "us-east-1", "iam"), first, "derived anew after eviction");
  });
});
