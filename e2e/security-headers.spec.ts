import { CreateRoleCommand, DeleteRoleCommand } from "@aws-sdk/client-iam";
import type { APIRequest, APIResponse, Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { addActions, fillEditorIn, openSimulator, resultRow } from "./simulator-support";

// Dev servers compile each page (and Monaco) on first use, which can take minutes on a loaded machine.
const expect = baseExpect.configure({ timeout: 120_000 });
test.describe.configure({ timeout: 400_000 });

const DEV = process.env.CLEF_NEXT_MODE === "dev";

/** The CSP's directives by name: { "script-src": ["'self'", ...], ... }. */
function directives(csp: string | undefined): Record<string, string[]> {
  expect(csp, "Content-Security-Policy header").toBeTruthy();
  return Object.fromEntries(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toMatch(/camera=\(\)/);
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
}

/** A request context with no session (the config's signed-in storage state is otherwise applied). */
const anonymousContext = (playwright: { request: APIRequest }, baseURL: string) =>
  playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

test("a page's CSP: a fresh nonce on every script, no inline or eval scripts, nothing from other origins", async ({ request }) => {
  for (const path of ["/signin", "/", "/users"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expectCommonHeaders(res);
    const csp = res.headers()["content-security-policy"];
    const d = directives(csp);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["script-src"]).toContain("'strict-dynamic'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"].includes("'unsafe-eval'")).toBe(DEV);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    for (const values of Object.values(d)) for (const v of values) expect(v, csp).not.toMatch(/^(https?:|\*)/);
    // Every script Next renders carries this response's nonce.
    const nonce = nonceOf(csp)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    const again = await request.get(path, { maxRedirects: 0 });
    expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
  }
});

test("an /api route sends the same headers and a CSP that allows nothing to load", async ({ request, playwright, baseURL }) => {
  const signedIn = await request.get("/api/account/summary");
  expect(signedIn.status()).toBe(200);
  const anonymous = await anonymousContext(playwright, baseURL!);
  const refused = await anonymous.get("/api/users");
  expect(refused.status()).toBe(401);
  for (const res of [signedIn, refused, await anonymous.get("/api/auth/session")]) {
    expectCommonHeaders(res);
    const d = directives(res.headers()["content-security-policy"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["default-src"]).toEqual(["'none'"]);
    expect(d["script-src"]).toBeUndefined();
  }
  await anonymous.dispose();
});

test("the sign-in redirect of a signed-out visit carries the headers too (a redirect renders nothing: no CSP needed)", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await anonymousContext(playwright, baseURL!);
  const res = await anonymous.get("/users", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers()["location"]).toMatch(/\/signin\?callbackUrl=/);
  expectCommonHeaders(res);
  await anonymous.dispose();
});

test("another site cannot frame the console", async ({ page, baseURL }) => {
  const refused = page.waitForEvent("console", { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 30_000 });
  await page.setContent(`<iframe src="${baseURL}/signin" title="console"></iframe>`);
  expect((await refused).text()).toContain(
    `Framing '${new URL(baseURL!).origin}/' violates the following Content Security Policy directive`,
  );
});

/** Every CSP violation the page (or its workers) reports, and Monaco's complaint if it cannot start its workers. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  const watch = (text: string) => {
    if (/Content Security Policy|securitypolicyviolation|Refused to|Could not create web worker/i.test(text)) found.push(text);
  };
  page.on("console", (m) => watch(m.text()));
  page.on("worker", (w) => w.on("console", (m) => watch(m.text())));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    ),
  );
  return found;
}

const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

test("the console's pages, the policy editor and the simulator run with no CSP violation", async ({ page, iam, unique }) => {
  const violations = await watchViolations(page);
  const roleName = unique("csp-role");
  await iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    }),
  );
  try {
    for (const [path, heading] of [
      ["/", "IAM Dashboard"],
      ["/users", /^Users/],
      ["/groups", /^User groups/],
      ["/roles", /^Roles/],
      ["/policies", /^Policies/],
      ["/account-settings", "Account settings"],
      [`/roles/details/${roleName}`, roleName],
      ["/no-such-page", "404"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    }

    // The policy editor: Monaco with its stylesheet, its workers and live findings while typing.
    await page.goto("/policies/create");
    const editor = page.getByTestId("policy-editor").first();
    const lines = editor.locator(".monaco-editor .view-lines");
    await expect(lines).toBeVisible({ timeout: 240_000 });
    await expect(editor.locator(".monaco-editor .line-numbers").first()).toHaveCSS("position", "absolute");
    await lines.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjec');
    await expect(lines).toContainText("s3:GetObjec");
    // A blocked worker makes Monaco run its worker code on the main thread (and say so), so a worker must be running.
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/security-csp-policy-editor.png" });

    await page.goto(`/roles/details/${roleName}/edit-trust-policy`);
    await expect(page.getByTestId("policy-editor").first().locator(".monaco-editor .view-lines")).toContainText("ec2.amazonaws.com", {
      timeout: 240_000,
    });

    await openSimulator(page);
    await expect(async () => {
      await page.getByRole("button", { name: "Custom policies", exact: true }).click();
      await expect(page.getByTestId("custom-policy-1")).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await fillEditorIn(page, page.getByTestId("custom-policy-1"), POLICY);
    await addActions(page, ["s3:GetObject"]);
    await page.getByTestId("run-simulation").click();
    await expect(resultRow(page, "s3:GetObject")).toContainText("Allowed");
    await page.screenshot({ path: "/tmp/security-csp-simulator.png", fullPage: true });

    expect(violations).toEqual([]);
  } finally {
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  }
});
