import "server-only";
import type { JWT } from "next-auth/jwt";
import { sessionUpdateSchema, type SwitchRoleInput } from "@/lib/schemas/switch-role";
import {
  addRecentRole,
  suggestedDisplayName,
  type RecentRole,
  type SwitchedRole,
  type SwitchOutcome,
  type SwitchRoleState,
} from "@/lib/switch-role";
import { fromSdkError, ServiceError } from "./errors";
import type { Principal } from "./principal";
import { accountIdFor, assumeRoleForConsole } from "./services/switch-role";
import { signOutLocal } from "./sign-in";

/** The role the console switched to: its session's credentials and how the menu shows it. */
type Switched = { principal: Principal; role: RecentRole };

/** What Clef keeps in next-auth's encrypted JWT: the signed-in principal, the role session while switched, the history. */
export type ConsoleToken = JWT & {
  principal?: Principal;
  switched?: Switched;
  recentRoles?: RecentRole[];
  /** The answer to the session update that just ran, for the page that asked (cleared by the next session read). */
  switchOutcome?: SwitchOutcome;
};

/** `principal` acts for the console; `ended` is a role session that expired (or was revoked): the console is back as `signedIn`. */
export type ActiveSession = { principal: Principal; signedIn: Principal; switched?: Switched; ended?: Switched; recent: RecentRole[] };

export function activeSession(token: ConsoleToken | undefined | null, now = Date.now()): ActiveSession | undefined {
  const signedIn = token?.principal;
  if (!signedIn || signedIn.credentials.expiration <= now) return undefined;
  const recent = token.recentRoles ?? [];
  const s = token.switched;
  if (s && s.principal.credentials.expiration > now) return { principal: s.principal, signedIn, switched: s, recent };
  return { principal: signedIn, signedIn, ended: s, recent };
}

/** The same session with its role session ended (AWS refuses the role's credentials: revoked, or the role deleted). */
export const withRoleEnded = (s: ActiveSession): ActiveSession => ({
  principal: s.signedIn,
  signedIn: s.signedIn,
  ended: s.switched,
  recent: s.recent,
});

const view = ({ principal, role }: Switched): SwitchedRole => ({
  ...role,
  arn: principal.arn,
  expiration: principal.credentials.expiration,
});

/** What the browser may know of the switch: identities, display names and colours, never credentials. */
export function switchRoleState(s: ActiveSession): SwitchRoleState {
  const { type, arn, accountId, accountAlias, userName } = s.signedIn;
  return {
    signedIn: { type, arn, accountId, accountAlias, userName },
    ...(s.switched ? { active: view(s.switched) } : {}),
    ...(s.ended ? { ended: view(s.ended) } : {}),
    recent: s.recent,
  };
}

/** Local mode ends a role session the console lets go of, as sign-out ends the console session. */
async function endRoleSession(s: Switched | undefined) {
  if (s) await signOutLocal(s.principal.credentials.accessKeyId);
}

async function switchTo(signedIn: Principal, input: SwitchRoleInput, now: number): Promise<Switched> {
  if (signedIn.passwordResetRequired)
    throw new ServiceError("PasswordResetRequired", "You must change your password before you can continue.", 403);
  const accountId = await accountIdFor({ principal: signedIn, account: input.account });
  const alias = /^\d{12}$/.test(input.account) ? undefined : input.account.toLowerCase();
  const principal = await assumeRoleForConsole({ signedIn, accountId, roleName: input.roleName, accountAlias: alias, now });
  const displayName = input.displayName || suggestedDisplayName(input.roleName, input.account);
  return { principal, role: { account: input.account, accountId, roleName: input.roleName, displayName, color: input.color } };
}

/**
 * next-auth's session update (`jwt({ trigger: "update" })`): switch role or switch back. Switching is always made with
 * the signed-in principal's credentials, also from a switched role (the console never chains roles). Failures are
 * AWS's words, handed back to the page in `switchOutcome`; the token is otherwise unchanged.
 */
export async function updateConsoleToken(token: ConsoleToken, data: unknown, now = Date.now()): Promise<ConsoleToken> {
  const signedIn = token.principal;
  if (!signedIn) return token;
  const parsed = sessionUpdateSchema.safeParse(data);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Invalid input.";
    return { ...token, switchOutcome: { ok: false, code: "ValidationError", message } };
  }
  const { switched: previous, ...rest } = token;
  if (parsed.data.action === "switch-back") {
    await endRoleSession(previous);
    return { ...rest, switchOutcome: { ok: true } };
  }
  try {
    const switched = await switchTo(signedIn, parsed.data.role, now);
    await endRoleSession(previous);
    return { ...rest, switched, recentRoles: addRecentRole(token.recentRoles ?? [], switched.role), switchOutcome: { ok: true } };
  } catch (err) {
    const e = fromSdkError(err);
    return {
      ...token,
      switchOutcome: { ok: false, code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) },
    };
  }
}

/** Sign-out ends the console session and the role session it holds. */
export async function endConsoleSessions(token: ConsoleToken | null | undefined) {
  if (token?.principal) await signOutLocal(token.principal.credentials.accessKeyId);
  await endRoleSession(token?.switched);
}
