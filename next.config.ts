import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Separate build folders let several e2e runs (each with its own server) share one checkout.
  distDir: process.env.CLEF_DIST_DIR ?? ".next",
  // `CLEF_SOURCE_MAPS=1 npx next build` for `npm run bench:bundle-parts`: which modules weigh what in the browser's chunks.
  productionBrowserSourceMaps: process.env.CLEF_SOURCE_MAPS === "1",
  turbopack: {
    // Cloudscape's messages come compiled (all.en holds message syntax trees), so the browser needs no ICU parser.
    resolveAlias: { "@formatjs/icu-messageformat-parser": { browser: "@formatjs/icu-messageformat-parser/lib/no-parser.js" } },
    rules: {
      "*.js": [
        {
          condition: { path: /@cloudscape-design\/components\/app-layout\/internal\.js$/ },
          loaders: [require.resolve("./scripts/turbopack/app-layout-refresh-only.cjs")],
        },
        {
          condition: { path: /@cloudscape-design\/components\/i18n\/messages\/all\.en\.js$/ },
          loaders: [require.resolve("./scripts/turbopack/cloudscape-messages-used.cjs")],
        },
      ],
    },
  },
  // Pages get their Content-Security-Policy (with a fresh nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
