import "server-only";

export type Backend = "local" | "aws";

/** Where the console's AWS calls go: local-aws (default) or AWS's own endpoints. */
export function serverEnv() {
  const backend: Backend = process.env.CLEF_BACKEND === "aws" ? "aws" : "local";
  return {
    backend,
    endpoint: backend === "local" ? (process.env.CLEF_AWS_ENDPOINT ?? "http://127.0.0.1:4566") : undefined,
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    /** The console's own origin, as next-auth knows it: where sign-in may send the user back to. */
    consoleOrigin: new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").origin,
  };
}
