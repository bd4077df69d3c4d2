import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { sameOriginPath } from "../../lib/same-origin-path";

const ORIGIN = "http://localhost:3000";

/** What a browser does with the path: follow it from a console page and land on this origin. */
const landsOn = (path: string) => new URL(path, `${ORIGIN}/signin`).origin;

describe("sameOriginPath: where sign-in may send the user", () => {
  it("keeps paths on the console, with their query and fragment", () => {
    for (const [value, path] of [
      ["/", "/"],
      ["/users", "/users"],
      ["/users/alice?tab=permissions#policies", "/users/alice?tab=permissions#policies"],
      ["/change-password", "/change-password"],
      ["/policies/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess", "/policies/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess"],
      ["users", "/users"],
      ["/a/../roles", "/roles"],
      [`${ORIGIN}/groups`, "/groups"],
      ["HTTP://LOCALHOST:3000/groups", "/groups"],
      // Encoded slashes stay encoded: one path segment on this origin, never a host.
      ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
      ["/%5Cevil.example", "/%5Cevil.example"],
      ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
      // "http:" with no slashes is a relative reference on an http origin.
      ["http:users", "/users"],
    ]) {
      assert.equal(sameOriginPath(value, ORIGIN), path, value);
    }
  });

  it("sends every other origin, scheme and trick to /", () => {
    for (const value of [
      "/\\evil.example/",
      "\\\\evil.example",
      "/\\/evil.example",
      "\\/evil.example",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r\n/evil.example/",
      "\t//evil.example",
      " //evil.example",
      "\u0000//evil.example",
      "//evil.example",
      "///evil.example",
      "////evil.example",
      "//evil.example/users",
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/./\\evil.example",
      "https://evil.example/",
      "http://evil.example",
      "http:/\\evil.example",
      "http:\\\\evil.example",
      "https:evil.example",
      "https://localhost:3000/",
      "http://localhost:3001/",
      "http://127.0.0.1:3000/",
      "http://localhost:3000@evil.example/",
      "http://localhost:3000%40evil.example/",
      "//localhost:3000@evil.example",
      "http://user:pass@evil.example/",
      "http://evil.example\\@localhost:3000/",
      "javascript:alert(document.domain)",
      "JavaScript:alert(1)",
      "java\tscript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "blob:http://localhost:3000/uuid",
      "http://[::1]:3000/",
      "http://0x7f.1:3000/",
    ]) {
      assert.equal(sameOriginPath(value, ORIGIN), "/", JSON.stringify(value));
    }
  });

  it("sends a missing, empty, repeated or unparseable value to /", () => {
    for (const value of [undefined, null, "", ["/users", "//evil.example"], 42, { href: "/users" }, "http://[::1"]) {
      assert.equal(sameOriginPath(value, ORIGIN), "/", JSON.stringify(value));
    }
  });

  it("returns a path that, followed from any console page, stays on the console and reads the same again", () => {
    const fragment = fc.constantFrom(
      "/",
      "\\",
      "//",
      "\t",
      "\n",
      " ",
      ".",
      "..",
      "%2F",
      "%5C",
      "@",
      ":",
      "evil.example",
      "localhost:3000",
      "http:",
      "javascript:",
      "?",
      "#",
      "users",
    );
    const hostile = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.webUrl(), fc.webPath()), (value) => {
        const path = sameOriginPath(value, ORIGIN);
        assert.ok(path.startsWith("/") && !path.startsWith("//"), path);
        assert.equal(landsOn(path), ORIGIN);
        assert.equal(sameOriginPath(path, ORIGIN), path);
      }),
      { numRuns: 5000 },
    );
  });
});
