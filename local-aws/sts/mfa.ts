import type { Caller, Ctx } from "../context";
import { accessDenied } from "../protocol/errors";
import { sql } from "../store/db";
import { base32Decode, timeStep, totpCode } from "../iam/totp";

function codeValid(seed: string, code: string, now: Date): boolean {
  const key = base32Decode(seed);
  const step = timeStep(now);
  return [step - 1, step, step + 1].some((s) => totpCode(key, s) === code);
}

/**
 * Checks SerialNumber and TokenCode as GetSessionToken and AssumeRole take them: the device must be the calling IAM
 * user's and the code current. Returns whether MFA was supplied (and passed); a failure is AWS's AccessDenied.
 */
export function verifyMfa(ctx: Ctx, caller: Caller, serialNumber: string | undefined, tokenCode: string | undefined): boolean {
  if (serialNumber === undefined && tokenCode === undefined) return false;
  const device = sql(ctx.db, "SELECT seed, user_id FROM mfa_devices WHERE serial_number = ?").get(serialNumber ?? "") as
    { seed: string; user_id: string | null } | undefined;
  const owned = device && device.user_id !== null && caller.type === "user" && device.user_id === caller.userId;
  if (!owned) {
    throw accessDenied(
      "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
    );
  }
  if (!tokenCode || !codeValid(device.seed, tokenCode, ctx.now))
    throw accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
  return true;
}
