import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
if (process.env.CLEF_BACKEND === "aws") throw new Error("The e2e tests only run against local-aws, never real AWS.");

const PORT = Number(process.env.E2E_PORT ?? 3100);
const AWS_PORT = Number(process.env.E2E_AWS_PORT ?? PORT + 1500);
// Workers inherit the main process's environment, so the data directory is made once per run.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "clef-e2e-"));
process.env.E2E_AWS_URL = `http://127.0.0.1:${AWS_PORT}`;
process.env.E2E_ROOT_EMAIL = "admin@clef.local";
process.env.E2E_ROOT_PASSWORD ??= "E2e-root-Passw0rd";
process.env.E2E_AUTH_FILE = `e2e/.auth/root-${PORT}.json`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/${PORT}`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "console",
      dependencies: ["setup"],
      use: { storageState: process.env.E2E_AUTH_FILE },
      testIgnore: [/auth\.setup\.ts/, /demo\//],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${PORT}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      CLEF_PORT: String(PORT),
      LOCAL_AWS_PORT: String(AWS_PORT),
      CLEF_DATA_DIR: process.env.E2E_DATA_DIR,
      CLEF_ROOT_EMAIL: process.env.E2E_ROOT_EMAIL,
      CLEF_ROOT_PASSWORD: process.env.E2E_ROOT_PASSWORD,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The run tests the build it is given (npm test builds just before); a rebuild here would outlast the timeout.
      CLEF_REBUILD: process.env.CLEF_REBUILD ?? "never",
      // Sign-in throttling: short waits for e2e/security-signin-throttle.spec.ts, and room for the whole suite's wrong
      // passwords, all from 127.0.0.1.
      CLEF_SIGNIN_THROTTLE_USER_FAILURES: "3",
      CLEF_SIGNIN_THROTTLE_BASE_SECONDS: "2",
      CLEF_SIGNIN_THROTTLE_MAX_SECONDS: "2",
      CLEF_SIGNIN_THROTTLE_CLIENT_FAILURES: "1000",
      // CLEF_NEXT_MODE=dev serves with `next dev` (no build); CLEF_DIST_DIR keeps parallel runs' builds apart.
      ...(process.env.CLEF_NEXT_MODE ? { CLEF_NEXT_MODE: process.env.CLEF_NEXT_MODE } : {}),
      ...(process.env.CLEF_DIST_DIR ? { CLEF_DIST_DIR: process.env.CLEF_DIST_DIR } : {}),
    },
  },
});
