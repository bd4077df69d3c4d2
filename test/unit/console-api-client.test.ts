import { afterEach, describe, it, mock } from "node:test";
import assert from "node:assert/strict";
import { api, ApiError, UNKNOWN_API_ROUTE } from "../../lib/queries/api";

const realFetch = globalThis.fetch;
const answer = (status: number, body: string, contentType: string) =>
  mock.method(globalThis, "fetch", async () => new Response(body || null, { status, headers: { "content-type": contentType } }));

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    return err;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

describe("api(): the console's own routes", () => {
  afterEach(() => {
    mock.restoreAll();
    globalThis.fetch = realFetch;
  });

  it("a 404 page from Next.js (no such route) throws an error naming the method and URL, and logs it", async () => {
    answer(404, "<!DOCTYPE html><html><body>This page could not be found.</body></html>", "text/html");
    const logged = mock.method(console, "error", () => {});
    const err = await failure(api("/api/account-password-policy"));
    assert.equal(err.code, UNKNOWN_API_ROUTE);
    assert.equal(err.status, 404);
    assert.match(err.message, /No such API route: GET \/api\/account-password-policy/);
    assert.equal(logged.mock.callCount(), 1);
    assert.match(String(logged.mock.calls[0].arguments[0]), /\/api\/account-password-policy/);
  });

  it("a method the route does not export (405, empty body) is an unknown route too", async () => {
    answer(405, "", "text/plain");
    mock.method(console, "error", () => {});
    const err = await failure(api("/api/users", { method: "PATCH", body: {} }));
    assert.equal(err.code, UNKNOWN_API_ROUTE);
    assert.match(err.message, /PATCH \/api\/users \(HTTP 405\)/);
  });

  it("a 404 from a route handler (AWS's NoSuchEntity) is AWS's error, verbatim and not logged", async () => {
    answer(404, JSON.stringify({ code: "NoSuchEntity", message: "The user with name x cannot be found." }), "application/json");
    const logged = mock.method(console, "error", () => {});
    const err = await failure(api("/api/users/x"));
    assert.equal(err.code, "NoSuchEntity");
    assert.equal(err.message, "The user with name x cannot be found.");
    assert.equal(logged.mock.callCount(), 0);
  });

  it("field errors from validation come through", async () => {
    answer(422, JSON.stringify({ code: "ValidationError", message: "Bad", fieldErrors: { userName: "Bad" } }), "application/json");
    const err = await failure(api("/api/users", { method: "POST", body: {} }));
    assert.deepEqual([err.code, err.status, err.fieldErrors], ["ValidationError", 422, { userName: "Bad" }]);
  });

  it("a success returns the JSON body", async () => {
    answer(200, JSON.stringify({ policy: null }), "application/json");
    assert.deepEqual(await api("/api/account/password-policy"), { policy: null });
  });
});
