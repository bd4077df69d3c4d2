export type SignInThrottleConfig = {
  /** Failed sign-ins for one user (or root email) before each further failure holds that user back. */
  userFailures: number;
  /** Failed sign-ins from one client address, across users, before it is held back. */
  clientFailures: number;
  /** The first hold; each further failure doubles it, up to `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one, so nobody is held back for good. */
  forgetMs: number;
  /** The clock (tests move it instead of sleeping). */
  now?: () => number;
};

export const SIGNIN_THROTTLE: SignInThrottleConfig = {
  userFailures: 5,
  clientFailures: 20,
  delayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  forgetMs: 15 * 60 * 1000,
};

/** `user` names the account and user (or the root email); `client` the address the attempt came from. */
export type SignInKeys = { user: string; client: string };

type Entry = { failures: number; last: number; blockedUntil: number };

const SWEEP_AT = 10_000;

/**
 * Slows down repeated failed console sign-ins, as AWS's console does with a CAPTCHA: past a few failures per user
 * and per client, attempts are refused for a delay that doubles with each failure, is capped, and is forgotten
 * after a quiet spell; a success clears the user's count. In memory: a restart forgets it, as a CAPTCHA would.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly config: SignInThrottleConfig = SIGNIN_THROTTLE) {}

  private now() {
    return (this.config.now ?? Date.now)();
  }

  private entry(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.last > this.config.forgetMs && now >= e.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Milliseconds until this attempt may be checked; 0 when neither the user nor the client is held back. */
  retryAfterMs(keys: SignInKeys): number {
    const now = this.now();
    const until = Math.max(
      this.entry(`user:${keys.user}`, now)?.blockedUntil ?? 0,
      this.entry(`client:${keys.client}`, now)?.blockedUntil ?? 0,
    );
    return Math.max(0, until - now);
  }

  failed(keys: SignInKeys): void {
    const now = this.now();
    if (this.entries.size >= SWEEP_AT) for (const key of [...this.entries.keys()]) this.entry(key, now);
    for (const [key, free] of [
      [`user:${keys.user}`, this.config.userFailures],
      [`client:${keys.client}`, this.config.clientFailures],
    ] as const) {
      const e = this.entry(key, now) ?? { failures: 0, last: now, blockedUntil: 0 };
      e.failures++;
      e.last = now;
      if (e.failures >= free) e.blockedUntil = now + Math.min(this.config.maxDelayMs, this.config.delayMs * 2 ** (e.failures - free));
      this.entries.set(key, e);
    }
  }

  succeeded(keys: SignInKeys): void {
    this.entries.delete(`user:${keys.user}`);
  }
}

export function throttledMessage(retryAfterMs: number): { seconds: number; message: string } {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return { seconds, message: `Too many failed sign-in attempts. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.` };
}
