import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { startHarness, type Harness } from "../helpers/local-aws";
import { form, parseErrorXml, rawRequest, signedRequest, type RawResponse } from "../helpers/signed-request";

const IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

/** Asserts an AWS Query error: status, code, message, shape, namespace, and the x-amzn-RequestId header. */
function assertError(res: RawResponse, status: number, code: string, message?: string | RegExp, xmlns = IAM_NS) {
  const err = parseErrorXml(res.body, xmlns);
  assert.equal(res.status, status, res.body);
  assert.equal(err.code, code);
  assert.equal(err.type, status >= 500 ? "Receiver" : "Sender");
  if (typeof message === "string") assert.equal(err.message, message);
  else if (message) assert.match(err.message, message);
  assert.equal(res.headers["x-amzn-requestid"], err.requestId);
  assert.equal(res.headers["content-type"], "text/xml");
  return err;
}

describe("Query protocol over raw HTTP", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  const signed = (body: string, opts: Parameters<typeof signedRequest>[2] = {}, extra: Parameters<typeof signedRequest>[1] = {}) =>
    signedRequest(h.aws.url, { body, ...extra }, opts);

  it("answers a request without credentials with MissingAuthenticationToken (403)", async () => {
    const res = await rawRequest(h.aws.url, { body: form("ListUsers"), headers: { "content-type": "application/x-www-form-urlencoded" } });
    assertError(res, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
  });

  it("answers a malformed Authorization header with IncompleteSignature (400), naming what is missing", async () => {
    const bearer = await rawRequest(h.aws.url, { body: form("ListUsers"), headers: { authorization: "Bearer abc" } });
    assertError(
      bearer,
      400,
      "IncompleteSignature",
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a " +
        "'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    );
    const header = "AWS4-HMAC-SHA256 Credential= test/20200101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00";
    const noEquals = await rawRequest(h.aws.url, {
      body: form("ListUsers"),
      headers: { authorization: header.replace("Credential= ", "Credential ") },
    });
    assertError(
      noEquals,
      400,
      "IncompleteSignature",
      /^'Credential test\/20200101\/us-east-1\/iam\/aws4_request' not a valid key=value pair \(missing equal-sign\) in Authorization header: /,
    );
    const shortScope = await rawRequest(h.aws.url, {
      body: form("ListUsers"),
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=test/20200101/iam, SignedHeaders=host, Signature=00",
        "x-amz-date": "20200101T000000Z",
      },
    });
    assertError(shortScope, 400, "IncompleteSignature", /^Credential must have exactly 5 slash-delimited elements/);
  });

  it("rejects an unknown key, a wrong secret and a tampered body with AWS's codes", async () => {
    assertError(
      await signed(form("ListUsers"), { accessKeyId: "AKIANOSUCHKEY0000000" }),
      403,
      "InvalidClientTokenId",
      "The security token included in the request is invalid.",
    );
    assertError(
      await signed(form("ListUsers"), { secretAccessKey: "wrong" }),
      403,
      "SignatureDoesNotMatch",
      /^The request signature we calculated does not match/,
    );
  });

  it("routes by the credential scope's service and refuses a service it does not serve", async () => {
    const sts = await signed(form("GetCallerIdentity", {}, "2011-06-15"), { service: "sts" });
    assert.equal(sts.status, 200);
    assert.match(sts.body, /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    assertError(await signed(form("GetCallerIdentity", {}, "2011-06-16"), { service: "sts" }), 400, "InvalidAction", undefined, STS_NS);
    for (const service of ["s3", "constructor", "__proto__"]) {
      assertError(
        await signed(form("ListBuckets"), { service }),
        403,
        "SignatureDoesNotMatch",
        "Credential should be scoped to correct service: 'iam'. ",
      );
    }
  });

  it("answers an unknown action, a wrong version and a missing action as AWS does", async () => {
    assertError(await signed(form("CreateUnicorn")), 400, "InvalidAction", "Could not find operation CreateUnicorn for version 2010-05-08");
    assertError(
      await signed(form("ListUsers", {}, "2011-06-15")),
      400,
      "InvalidAction",
      "Could not find operation ListUsers for version 2011-06-15",
    );
    assertError(await signed("Version=2010-05-08"), 400, "MissingAction", "Missing Action");
    assertError(await signed(form("toString")), 400, "InvalidAction", "Could not find operation toString for version 2010-05-08");
  });

  it("refuses a request without Version, or with an empty one, as InvalidAction and runs nothing", async () => {
    const userName = `no-version-${Date.now()}`;
    const noVersion = await signed(new URLSearchParams({ Action: "CreateUser", UserName: userName }).toString());
    assertError(noVersion, 400, "InvalidAction", "Could not find operation CreateUser for version NO_VERSION_SPECIFIED");
    const empty = await signed(new URLSearchParams({ Action: "CreateUser", UserName: userName, Version: "" }).toString());
    assertError(empty, 400, "InvalidAction", "Could not find operation CreateUser for version ");
    const sts = await signed("Action=GetCallerIdentity", { service: "sts" });
    assertError(sts, 400, "InvalidAction", "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED", STS_NS);
    const presigned = await signedRequest(h.aws.url, { method: "GET", query: { Action: "ListUsers" } }, { presign: true });
    assertError(presigned, 400, "InvalidAction", "Could not find operation ListUsers for version NO_VERSION_SPECIFIED");
    const get = await signed(form("GetUser", { UserName: userName }));
    assertError(get, 404, "NoSuchEntity", `The user with name ${userName} cannot be found.`);
    const first = await signed(`Action=ListUsers&Version=2010-05-08&Version=2000-01-01`);
    assert.equal(first.status, 200, first.body);
  });

  it("answers a malformed list index with a well-formed 400", async () => {
    const res = await signed(form("CreateUser", { UserName: "idx", "Tags.member.x.Key": "k", "Tags.member.x.Value": "v" }));
    assertError(res, 400, "MalformedQueryString", "Invalid list index x in Tags");
    const bool = await signed(form("ListUsers", { MaxItems: "12abc" }));
    assertError(bool, 400, "MalformedQueryString", "Invalid number value for MaxItems: 12abc");
  });

  it("never answers a non-form body with a 5xx", async () => {
    const json = await signed(
      JSON.stringify({ Action: "ListUsers", Version: "2010-05-08" }),
      {},
      { headers: { "content-type": "application/json" } },
    );
    assertError(json, 400, "MissingAction", "Missing Action");
    const binary = await signed(randomBytes(4096).toString("latin1"), {}, { headers: { "content-type": "application/octet-stream" } });
    assertError(binary, 400, "MissingAction");
    const garbageForm = await signedRequest(h.aws.url, { body: randomBytes(4096) });
    assert.ok(garbageForm.status >= 400 && garbageForm.status < 500, garbageForm.body);
    parseErrorXml(garbageForm.body);
  });

  it("answers a body over 1 MiB with 413 RequestEntityTooLarge and keeps serving", async () => {
    const big = await rawRequest(h.aws.url, {
      body: Buffer.alloc(2 * 1024 * 1024, 0x61),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assertError(big, 413, "RequestEntityTooLarge", "HTTP content length exceeded 1048576 bytes.");
    const ok = await signed(form("ListUsers"));
    assert.equal(ok.status, 200);
  });

  it("answers a signature older or newer than 15 minutes with SignatureDoesNotMatch in AWS's words", async () => {
    const stale = new Date(Date.now() - 20 * 60 * 1000);
    const amz = stale
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const res = await signed(form("ListUsers"), { signingDate: stale });
    const T = "\\d{8}T\\d{6}Z";
    assertError(
      res,
      403,
      "SignatureDoesNotMatch",
      new RegExp(`^Signature expired: ${amz} is now earlier than ${T} \\(${T} - 15 min\\.\\)$`),
    );
    const future = await signed(form("ListUsers"), { signingDate: new Date(Date.now() + 20 * 60 * 1000) });
    assertError(
      future,
      403,
      "SignatureDoesNotMatch",
      new RegExp(`^Signature not yet current: ${T} is still later than ${T} \\(${T} \\+ 15 min\\.\\)$`),
    );
    const recent = await signed(form("ListUsers"), { signingDate: new Date(Date.now() - 10 * 60 * 1000) });
    assert.equal(recent.status, 200);
  });

  it("accepts a presigned GET (query-string auth) and rejects a tampered one", async () => {
    const query = { Action: "GetCallerIdentity", Version: "2011-06-15" };
    const res = await signedRequest(h.aws.url, { method: "GET", query }, { service: "sts", presign: true });
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /<Arn>arn:aws:iam::000000000000:root<\/Arn>/);
    const iam = await signedRequest(h.aws.url, { method: "GET", query: { Action: "ListUsers", Version: "2010-05-08" } }, { presign: true });
    assert.equal(iam.status, 200, iam.body);
    const url = new URL(h.aws.url);
    const presigned = await signedRequest(
      h.aws.url,
      { method: "GET", query },
      { service: "sts", presign: true, signingDate: new Date(Date.now() - 20 * 60 * 1000) },
    );
    assertError(presigned, 403, "SignatureDoesNotMatch", /^Signature expired: /, STS_NS);
    const tampered = await rawRequest(url.origin, {
      method: "GET",
      query: {
        ...query,
        "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
        "X-Amz-Credential": "test/20200101/us-east-1/sts/aws4_request",
        "X-Amz-Date": "20200101T000000Z",
        "X-Amz-SignedHeaders": "host",
        "X-Amz-Signature": "0".repeat(64),
      },
    });
    assertError(tampered, 403, "SignatureDoesNotMatch", undefined, STS_NS);
    const partial = await rawRequest(url.origin, { method: "GET", query: { ...query, "X-Amz-Algorithm": "AWS4-HMAC-SHA256" } });
    assertError(partial, 400, "IncompleteSignature", /^AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential'/);
  });

  it("refuses a presigned request after its X-Amz-Expires, within AWS's 15 minutes", async () => {
    const query = { Action: "GetCallerIdentity", Version: "2011-06-15" };
    const threeSecondsAgo = new Date(Date.now() - 3000);
    const amz = threeSecondsAgo
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const T = "\\d{8}T\\d{6}Z";
    const expired = await signedRequest(
      h.aws.url,
      { method: "GET", query },
      { service: "sts", presign: true, expiresIn: 1, signingDate: threeSecondsAgo },
    );
    assertError(
      expired,
      403,
      "SignatureDoesNotMatch",
      new RegExp(`^Signature expired: ${amz} is now earlier than ${T} \\(${T} - 1 sec\\.\\)$`),
      STS_NS,
    );
    const iam = await signedRequest(
      h.aws.url,
      { method: "GET", query: { Action: "ListUsers", Version: "2010-05-08" } },
      { presign: true, expiresIn: 2, signingDate: threeSecondsAgo },
    );
    assertError(iam, 403, "SignatureDoesNotMatch", /^Signature expired: .* - 2 sec\.\)$/);
    const live = await signedRequest(
      h.aws.url,
      { method: "GET", query },
      { service: "sts", presign: true, expiresIn: 60, signingDate: threeSecondsAgo },
    );
    assert.equal(live.status, 200, live.body);
    const week = await signedRequest(
      h.aws.url,
      { method: "GET", query },
      { service: "sts", presign: true, expiresIn: 604800, signingDate: new Date(Date.now() - 20 * 60 * 1000) },
    );
    assertError(week, 403, "SignatureDoesNotMatch", /^Signature expired: .* - 15 min\.\)$/, STS_NS);
  });

  it("refuses an X-Amz-Expires that is not a number of seconds up to a week, and takes 0 as already expired", async () => {
    const url = new URL(h.aws.url);
    const presigned = (expires: string) =>
      rawRequest(url.origin, {
        method: "GET",
        query: {
          Action: "GetCallerIdentity",
          Version: "2011-06-15",
          "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
          "X-Amz-Credential": "test/20200101/us-east-1/sts/aws4_request",
          "X-Amz-Date": "20200101T000000Z",
          "X-Amz-Expires": expires,
          "X-Amz-SignedHeaders": "host",
          "X-Amz-Signature": "0".repeat(64),
        },
      });
    for (const bad of ["abc", "", "1.5", "1e3", " 60"]) {
      assertError(await presigned(bad), 400, "IncompleteSignature", "X-Amz-Expires should be a number");
    }
    assertError(await presigned("-1"), 400, "IncompleteSignature", "X-Amz-Expires must be non-negative");
    for (const tooLong of ["604801", "99999999999999999999"]) {
      assertError(
        await presigned(tooLong),
        400,
        "IncompleteSignature",
        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds",
      );
    }
    const zero = await signedRequest(
      h.aws.url,
      { method: "GET", query: { Action: "ListUsers", Version: "2010-05-08" } },
      { presign: true, expiresIn: 0, signingDate: new Date(Date.now() - 1000) },
    );
    assertError(zero, 403, "SignatureDoesNotMatch", /^Signature expired: .* - 0 sec\.\)$/);
  });

  it("canonicalises signed headers (case, inner whitespace, repeated values) as the SDK signs them", async () => {
    const res = await signed(
      form("ListUsers"),
      {},
      { headers: { "X-Amz-Meta-Note": "  spaced    out   value  ", "content-type": "application/x-www-form-urlencoded; charset=utf-8" } },
    );
    assert.equal(res.status, 200, res.body);
    const get = await signedRequest(h.aws.url, {
      method: "GET",
      query: { Action: "ListUsers", Version: "2010-05-08", PathPrefix: "/a+b~*'(x)!/" },
    });
    assert.equal(get.status, 200, get.body);
  });

  it("never answers a hostile Authorization header or presigned query with a 5xx", async () => {
    const token = fc.oneof(
      fc.string({ unit: "binary-ascii", maxLength: 20 }),
      fc.constantFrom(
        "constructor",
        "__proto__",
        "toString",
        "host",
        "x-amz-date",
        "",
        ";",
        "AWS4-HMAC-SHA256",
        "aws4_request",
        "test",
        "=",
        ",",
      ),
    );
    const now = () =>
      new Date()
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    // Mostly a valid scope and date, so the request reaches signature verification with hostile signed headers.
    const scope = fc.oneof(
      fc.constant(() => `test/${now().slice(0, 8)}/us-east-1/iam/aws4_request`),
      fc.array(token, { maxLength: 6 }).map((t) => () => t.join("/")),
    );
    const date = fc.oneof(
      fc.constant(now),
      fc.constantFrom("20200101T000000Z", "99999999T999999Z", "", "now").map((d) => () => d),
    );
    const algorithm = fc.oneof(
      { weight: 4, arbitrary: fc.constant("AWS4-HMAC-SHA256") },
      fc.constantFrom("AWS4-HMAC-SHA512", "Bearer", ""),
    );
    await fc.assert(
      fc.asyncProperty(
        algorithm,
        scope,
        date,
        fc.array(token, { maxLength: 4 }),
        token,
        fc.boolean(),
        async (alg, cred, amz, signed, sig, presigned) => {
          const signedHeaders = signed.join(";").replace(/[^\t\x20-\x7e]/g, "");
          const res = presigned
            ? await rawRequest(h.aws.url, {
                method: "GET",
                query: {
                  Action: "ListUsers",
                  "X-Amz-Algorithm": alg,
                  "X-Amz-Credential": cred(),
                  "X-Amz-Date": amz(),
                  "X-Amz-SignedHeaders": signedHeaders,
                  "X-Amz-Signature": sig,
                },
              })
            : await rawRequest(h.aws.url, {
                body: form("ListUsers"),
                headers: {
                  authorization: `${alg} Credential=${cred()}, SignedHeaders=${signedHeaders}, Signature=${sig}`.replace(
                    /[^\t\x20-\x7e]/g,
                    "",
                  ),
                  "x-amz-date": amz(),
                },
              });
          assert.ok(res.status >= 400 && res.status < 500, res.body);
          parseErrorXml(res.body);
        },
      ),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  });

  it("frames every success as <XResponse><XResult/><ResponseMetadata/> with the request ID header", async () => {
    const res = await signed(form("ListUsers", { MaxItems: "1" }));
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "text/xml");
    const id = String(res.headers["x-amzn-requestid"]);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(
      res.body,
      new RegExp(
        `^<ListUsersResponse xmlns="${IAM_NS}">\\s*<ListUsersResult>\\s*<Users(/>|>[\\s\\S]*</Users>)\\s*<IsTruncated>(true|false)</IsTruncated>[\\s\\S]*` +
          `</ListUsersResult>\\s*<ResponseMetadata>\\s*<RequestId>${id}</RequestId>\\s*</ResponseMetadata>\\s*</ListUsersResponse>\\s*$`,
      ),
    );
  });
});
