import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, SECURITY_HEADERS } from "../../lib/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("a page's scripts run only with the response's nonce; eval only under next dev", () => {
    const prod = directives(pageContentSecurityPolicy("abc123==", false));
    assert.deepEqual(prod.get("script-src"), ["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    assert.deepEqual(prod.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(prod.get("object-src"), ["'none'"]);
    assert.deepEqual(prod.get("base-uri"), ["'none'"]);
    // A nonce in style-src would make browsers ignore 'unsafe-inline', which Monaco's and Cloudscape's styles need.
    assert.ok(!prod.get("style-src")!.some((v) => v.startsWith("'nonce-")));
    const dev = directives(pageContentSecurityPolicy("abc123==", true));
    assert.ok(dev.get("script-src")!.includes("'unsafe-eval'"));
    assert.ok(![...prod.values()].flat().includes("'unsafe-eval'"));
  });

  it("/api loads nothing and cannot be framed", () => {
    const api = directives(API_CONTENT_SECURITY_POLICY);
    assert.deepEqual(api.get("default-src"), ["'none'"]);
    assert.deepEqual(api.get("frame-ancestors"), ["'none'"]);
    assert.equal(api.get("script-src"), undefined);
  });

  it("every response refuses framing and sniffing and keeps the path out of cross-site referrers", () => {
    const h = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    assert.equal(h["X-Frame-Options"], "DENY");
    assert.equal(h["X-Content-Type-Options"], "nosniff");
    assert.equal(h["Referrer-Policy"], "strict-origin-when-cross-origin");
  });

  it("nonces are 128 random bits, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    assert.equal(nonces.size, 1000);
    for (const n of nonces) assert.equal(Buffer.from(n, "base64").length, 16);
  });
});
