import type { Handlers } from "../context";
import { accessDenied } from "../protocol/errors";
import { sql } from "../store/db";
import { base32Decode, timeStep, totpCode } from "../iam/totp";
import { createSession } from "./sessions";

function mfaCodeValid(seed: string, code: string, now: Date): boolean {
  const key = base32Decode(seed);
  const step = timeStep(now);
  return [step - 1, step, step + 1].some((s) => totpCode(key, s) === code);
}

export const stsHandlers: Handlers = {
  GetCallerIdentity(_input, ctx) {
    return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },

  GetSessionToken(input: { DurationSeconds?: number; SerialNumber?: string; TokenCode?: string }, ctx) {
    const { caller } = ctx;
    if (caller.session) throw accessDenied("Cannot call GetSessionToken with session credentials");
    const duration = input.DurationSeconds ?? (caller.type === "root" ? 3600 : 43200);
    if (caller.type === "root" && duration > 3600) {
      throw accessDenied("Roots may not request session tokens with a duration exceeding 1 hour.");
    }
    let mfa = false;
    if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
      const device = sql(ctx.db, "SELECT seed, user_id FROM mfa_devices WHERE serial_number = ? AND account_id = ?").get(
        input.SerialNumber ?? "",
        ctx.accountId,
      ) as { seed: string; user_id: string | null } | undefined;
      const owned = device && device.user_id !== null && device.user_id === (caller.type === "user" ? caller.userId : null);
      if (!owned || !input.TokenCode || !mfaCodeValid(device.seed, input.TokenCode, ctx.now)) {
        throw accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
      }
      mfa = true;
    }
    const principal =
      caller.type === "root"
        ? { type: "root" as const, accountId: caller.accountId }
        : { type: "user" as const, accountId: caller.accountId, userId: caller.userId };
    return {
      Credentials: createSession(ctx.db, principal, {
        durationSeconds: duration,
        source: "GetSessionToken",
        mfaAuthenticated: mfa,
        now: ctx.now,
      }),
    };
  },
};
