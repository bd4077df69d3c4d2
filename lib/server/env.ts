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

const whole = (name: string, fallback: number, min = 0) => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value >= min ? value : fallback;
};

/**
 * How console sign-in slows down repeated failures. Each user (root email, account + user name, access key ID) and
 * each client address may fail a few times freely; then each further attempt waits, the wait doubling from `baseSeconds`
 * up to `maxSeconds`. A key with no failure for `forgetSeconds` starts over; a successful sign-in resets the user.
 * `trustedProxies` is how many reverse proxies in front of the console append to X-Forwarded-For (0: none).
 */
export function signInThrottleEnv() {
  return {
    userFreeFailures: whole("CLEF_SIGNIN_THROTTLE_USER_FAILURES", 5, 1),
    clientFreeFailures: whole("CLEF_SIGNIN_THROTTLE_CLIENT_FAILURES", 20, 1),
    baseSeconds: whole("CLEF_SIGNIN_THROTTLE_BASE_SECONDS", 1, 1),
    maxSeconds: whole("CLEF_SIGNIN_THROTTLE_MAX_SECONDS", 300, 1),
    forgetSeconds: whole("CLEF_SIGNIN_THROTTLE_FORGET_SECONDS", 900, 1),
    trustedProxies: whole("CLEF_TRUSTED_PROXIES", 0),
  };
}
