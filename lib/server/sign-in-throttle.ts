import "server-only";
import { isIP, isIPv6 } from "node:net";

export type ThrottleSettings = {
  userFreeFailures: number;
  clientFreeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
};

/** One attempt that passed the throttle: tell it how the password check ended. */
export type SignInAttempt = { failed(): void; succeeded(): void; abandoned(): void };

export const throttledMessage = (seconds: number) =>
  `Too many failed sign-in attempts. Wait ${seconds} ${seconds === 1 ? "second" : "seconds"} and try again.`;

type Entry = { failures: number; pending: number; blockedUntil: number; lastFailure: number };

/** Failure counts by key (a user, or a client address), forgotten after a quiet period and bounded in number. */
class Counter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly free: number,
    private readonly s: ThrottleSettings,
    private readonly now: () => number,
    private readonly maxKeys: number,
  ) {}

  /** Seconds before `key` may try: after its free failures one attempt at a time, each after a doubling wait. */
  wait(key: string): number {
    const e = this.live(key);
    if (!e) return 0;
    const left = e.blockedUntil - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    // Attempts still being checked count as failures until they are known, so a parallel burst gets no more tries.
    const limit = e.failures >= this.free ? 1 : this.free - e.failures;
    return e.pending >= limit ? this.delaySeconds(Math.max(e.failures + e.pending, this.free)) : 0;
  }

  begin(key: string) {
    const e = this.live(key) ?? { failures: 0, pending: 0, blockedUntil: 0, lastFailure: 0 };
    e.pending++;
    this.put(key, e);
  }

  end(key: string, outcome: "failed" | "succeeded" | "abandoned", reset: boolean) {
    const e = this.entries.get(key);
    if (!e) return;
    e.pending = Math.max(0, e.pending - 1);
    if (outcome === "failed") {
      const t = this.now();
      e.failures++;
      e.lastFailure = t;
      if (e.failures >= this.free) e.blockedUntil = t + this.delaySeconds(e.failures) * 1000;
    }
    if (outcome === "succeeded" && reset) e.failures = e.blockedUntil = 0;
    if (e.failures === 0 && e.pending === 0) this.entries.delete(key);
  }

  private delaySeconds(failures: number) {
    return Math.min(this.s.maxSeconds, this.s.baseSeconds * 2 ** Math.min(failures - this.free, 30));
  }

  private expired(e: Entry, t: number) {
    return e.pending === 0 && t >= e.blockedUntil && t - e.lastFailure >= this.s.forgetSeconds * 1000;
  }

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.expired(e, this.now())) this.entries.delete(key);
    return this.entries.get(key);
  }

  /** Most recently used last; when full, forget expired keys, then the least recently used idle one. */
  private put(key: string, e: Entry) {
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) {
      const t = this.now();
      for (const [k, v] of this.entries) if (this.expired(v, t)) this.entries.delete(k);
      for (const [k, v] of this.entries) {
        if (this.entries.size < this.maxKeys) break;
        if (v.pending === 0) this.entries.delete(k);
      }
    }
    this.entries.set(key, e);
  }
}

/**
 * Console sign-in's brake, in memory: repeated failures for one user (root email, account + user name, access key ID)
 * or from one client address make the next attempt wait, the wait doubling up to a cap, as AWS slows sign-in. Nothing
 * locks for good: waits end, quiet keys are forgotten, and a successful sign-in clears the user's failures (not the
 * client's, so one known password cannot reset a client that is guessing others').
 */
export function createSignInThrottle(settings: ThrottleSettings, now: () => number = Date.now, maxKeys = 10_000) {
  const users = new Counter(settings.userFreeFailures, settings, now, maxKeys);
  const clients = new Counter(settings.clientFreeFailures, settings, now, maxKeys);
  return {
    /** Starts an attempt, or says how many seconds the user or client must wait first. */
    begin(user: string, client: string | undefined): SignInAttempt | { waitSeconds: number } {
      const clientId = clientKey(client);
      const waitSeconds = Math.max(users.wait(user), clients.wait(clientId));
      if (waitSeconds > 0) return { waitSeconds };
      users.begin(user);
      clients.begin(clientId);
      let open = true;
      const end = (outcome: "failed" | "succeeded" | "abandoned") => {
        if (!open) return;
        open = false;
        users.end(user, outcome, true);
        clients.end(clientId, outcome, false);
      };
      return { failed: () => end("failed"), succeeded: () => end("succeeded"), abandoned: () => end("abandoned") };
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/** The throttle's key for a client address: an IPv6 client may hold a whole /64, so it is counted by that prefix. */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  if (!isIPv6(address)) return address.slice(0, 64);
  const compressed = address.toLowerCase().split("::");
  const left = compressed[0] ? compressed[0].split(":") : [];
  const right = compressed[1] ? compressed[1].split(":") : [];
  const groups = compressed.length === 2 ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address from X-Forwarded-For. Next.js fills that header with the socket's address when the request has
 * none; each trusted reverse proxy in front of the console appends the address it saw, so the client is the entry that
 * many places from the end. Entries before it were written by the client and are not believed.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, trustedProxies: number): string | undefined {
  const entries = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - Math.max(1, trustedProxies))]
    ?.replace(/^\[([^\]]+)\](:\d+)?$/, "$1")
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return entry && isIP(entry) ? entry : undefined;
}
