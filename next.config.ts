import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Separate build folders let several e2e runs (each with its own server) share one checkout.
  distDir: process.env.CLEF_DIST_DIR ?? ".next",
};

export default nextConfig;
