import { afterEach, describe, it, mock } from "node:test";
import assert from "node:assert/strict";
import { api, ApiError } from "../../lib/queries/api";
import { sessionUpdateSchema, switchRoleSchema } from "../../lib/schemas/switch-role";
import {
  addRecentRole,
  ROLE_SESSION_ENDED,
  roleColorFromParam,
  roleNameWithPath,
  suggestedDisplayName,
  switchRoleHref,
  type RecentRole,
} from "../../lib/switch-role";

const recent = (roleName: string, accountId = "111122223333"): RecentRole => ({
  account: accountId,
  accountId,
  roleName,
  displayName: `${roleName} @ ${accountId}`,
  color: "none",
});

describe("Switch role: history, colours, names and links", () => {
  it("the history keeps the five most recent roles, newest first, each once (role names regardless of case)", () => {
    let list: RecentRole[] = [];
    for (const name of ["a", "b", "c", "d", "e", "f"]) list = addRecentRole(list, recent(name));
    assert.deepEqual(
      list.map((r) => r.roleName),
      ["f", "e", "d", "c", "b"],
    );
    list = addRecentRole(list, { ...recent("C"), color: "red" });
    assert.deepEqual(
      list.map((r) => [r.roleName, r.color]),
      [
        ["C", "red"],
        ["f", "none"],
        ["e", "none"],
        ["d", "none"],
        ["b", "none"],
      ],
    );
    assert.equal(addRecentRole(list, recent("f", "444455556666")).length, 5, "the same name in another account is another role");
  });

  it("the color link parameter: AWS's hex values (with or without #) or names; anything else is None", () => {
    assert.equal(roleColorFromParam("f2b0a9"), "red");
    assert.equal(roleColorFromParam("#83D4E8"), "blue");
    assert.equal(roleColorFromParam("Green"), "green");
    assert.equal(roleColorFromParam("123456"), "none");
    assert.equal(roleColorFromParam(undefined), "none");
  });

  it("the suggested display name is the role's name without its path @ the account", () => {
    assert.equal(suggestedDisplayName("job-function/dev", "partner"), "dev @ partner");
    assert.equal(suggestedDisplayName("", "partner"), "");
    assert.equal(suggestedDisplayName("x".repeat(64), "111122223333").length, 64);
  });

  it("the role part of the link keeps the path without its leading slash", () => {
    assert.equal(roleNameWithPath("/", "dev"), "dev");
    assert.equal(roleNameWithPath("/job-function/", "dev"), "job-function/dev");
    assert.equal(roleNameWithPath(undefined, "dev"), "dev");
  });

  it("the link is built as AWS's switchrole link is, with the colour's hex", () => {
    assert.equal(
      switchRoleHref("http://localhost:3000/switch-role", {
        account: "111122223333",
        roleName: "job-function/dev",
        displayName: "dev @ 111122223333",
        color: "green",
      }),
      "http://localhost:3000/switch-role?account=111122223333&roleName=job-function%2Fdev&displayName=dev+%40+111122223333&color=b7ca9d",
    );
  });
});

describe("Switch role: the shared schema", () => {
  const parse = (v: Record<string, unknown>) => switchRoleSchema.safeParse({ account: "111122223333", roleName: "dev", ...v });
  const message = (v: Record<string, unknown>) => {
    const r = parse(v);
    return r.success ? undefined : r.error.issues[0].message;
  };

  it("takes an account ID or an alias", () => {
    assert.equal(message({ account: "partner-account" }), undefined);
    assert.equal(message({ account: "" }), "Enter an account ID or alias.");
    assert.equal(message({ account: "-partner" }), "Enter a 12-digit account ID or an account alias.");
    assert.equal(message({ account: "Partner_Account" }), "Enter a 12-digit account ID or an account alias.");
  });

  it("takes a role name with its path, not a leading slash, 64 characters at most for both", () => {
    assert.equal(message({ roleName: "job-function/dev" }), undefined);
    assert.equal(message({ roleName: "/job-function/dev" }), "Enter the role's path without a leading slash, e.g. job-function/dev.");
    assert.equal(message({ roleName: "dev role" }), "Use alphanumeric and '+=,.@-_' characters in the role name.");
    assert.equal(message({ roleName: `${"p".repeat(40)}/${"r".repeat(22)}` }), undefined);
    assert.equal(
      message({ roleName: `${"p".repeat(40)}/${"r".repeat(23)}` }),
      "The role's path and name together can have up to 64 characters.",
    );
  });

  it("display name and colour are optional; the colour is one of AWS's", () => {
    const r = parse({});
    assert.ok(r.success);
    assert.deepEqual([r.data.displayName, r.data.color], ["", "none"]);
    assert.equal(message({ color: "purple" }) !== undefined, true);
    assert.equal(message({ displayName: "x".repeat(65) }), "The display name can have up to 64 characters.");
  });

  it("session updates: switch role (with the same schema) or switch back, nothing else", () => {
    assert.ok(sessionUpdateSchema.safeParse({ action: "switch-back" }).success);
    assert.ok(sessionUpdateSchema.safeParse({ action: "switch-role", role: { account: "111122223333", roleName: "dev" } }).success);
    assert.ok(!sessionUpdateSchema.safeParse({ action: "switch-role", role: { account: "1", roleName: "dev" } }).success);
    assert.ok(!sessionUpdateSchema.safeParse({ action: "sign-in-as", principal: {} }).success);
  });
});

describe("api(): a role session that ended", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    mock.restoreAll();
    globalThis.fetch = realFetch;
    delete (globalThis as { window?: unknown }).window;
  });

  function browser() {
    const location = { origin: "http://localhost:3000", pathname: "/users", reload: mock.fn(), assign: mock.fn() };
    (globalThis as { window?: unknown }).window = { location };
    return location;
  }

  it("reloads the page (which switches back) instead of sending the browser to sign in", async () => {
    const location = browser();
    const body = JSON.stringify({ code: ROLE_SESSION_ENDED, message: "Your role session has ended. Reload the page." });
    mock.method(globalThis, "fetch", async () => new Response(body, { status: 401, headers: { "content-type": "application/json" } }));
    await assert.rejects(api("/api/users"), ApiError);
    assert.equal(location.reload.mock.callCount(), 1);
    assert.equal(location.assign.mock.callCount(), 0);
  });

  it("any other 401 still sends the browser to sign in", async () => {
    const location = browser();
    const body = JSON.stringify({ code: "Unauthorized", message: "Your session has ended. Sign in again." });
    mock.method(globalThis, "fetch", async () => new Response(body, { status: 401, headers: { "content-type": "application/json" } }));
    await assert.rejects(api("/api/users"), ApiError);
    assert.equal(location.reload.mock.callCount(), 0);
    assert.equal(String(location.assign.mock.calls[0].arguments[0]), "http://localhost:3000/signin?callbackUrl=%2Fusers");
  });
});
