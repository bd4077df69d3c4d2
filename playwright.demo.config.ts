import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run demo`: the seed walkthrough on a fresh local account, one screenshot per step, narrated in demo-output/. */
export default defineConfig({
  ...base,
  testDir: "e2e/demo",
  outputDir: "test-results/demo",
  timeout: 300_000,
  projects: [{ name: "demo", use: { ...base.use, viewport: { width: 1440, height: 900 }, actionTimeout: 60_000 } }],
});
