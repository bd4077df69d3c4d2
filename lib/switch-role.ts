/**
 * Switch role as the AWS console offers it: the display colours (the values its `color` link parameter takes), the
 * suggested display name, and the history of the five most recent roles. Isomorphic: the page, the menu and the
 * server's session update share it.
 */

export const ROLE_COLORS = [
  { id: "none", label: "None", hex: undefined },
  { id: "red", label: "Red", hex: "f2b0a9" },
  { id: "orange", label: "Orange", hex: "fbc8aa" },
  { id: "yellow", label: "Yellow", hex: "efda95" },
  { id: "green", label: "Green", hex: "b7ca9d" },
  { id: "blue", label: "Blue", hex: "83d4e8" },
] as const;

export type RoleColor = (typeof ROLE_COLORS)[number]["id"];

export const ROLE_COLOR_IDS = ROLE_COLORS.map((c) => c.id) as [RoleColor, ...RoleColor[]];

/** A `color` link parameter: AWS's hex value (with or without #) or a colour's name; anything else is None. */
export function roleColorFromParam(value: string | null | undefined): RoleColor {
  const v = (value ?? "").trim().toLowerCase().replace(/^#/, "");
  return ROLE_COLORS.find((c) => c.id === v || c.hex === v)?.id ?? "none";
}

export const roleColorHex = (color: RoleColor) => ROLE_COLORS.find((c) => c.id === color)?.hex;

/** The display name the page suggests until the user types one: the role's name (without its path) @ the account. */
export function suggestedDisplayName(roleName: string, account: string): string {
  const name = roleName.split("/").filter(Boolean).pop() ?? "";
  return name && account ? `${name} @ ${account}`.slice(0, 64) : "";
}

/** A role the user switched to: what the menu's history shows and what one click switches to again. */
export type RecentRole = { account: string; accountId: string; roleName: string; displayName: string; color: RoleColor };

export const RECENT_ROLES_MAX = 5;

const sameRole = (a: RecentRole, b: RecentRole) => a.accountId === b.accountId && a.roleName.toLowerCase() === b.roleName.toLowerCase();

/** The history after switching to `role`: it comes first, once (role names are unique regardless of case), five at most. */
export function addRecentRole(recent: readonly RecentRole[], role: RecentRole): RecentRole[] {
  return [role, ...recent.filter((r) => !sameRole(r, role))].slice(0, RECENT_ROLES_MAX);
}

/** The console's Switch role link, as AWS's `switchrole?account=...&roleName=...&displayName=...` link is built. */
export function switchRoleHref(base: string, p: { account: string; roleName: string; displayName?: string; color?: RoleColor }): string {
  const q = new URLSearchParams({ account: p.account, roleName: p.roleName });
  if (p.displayName) q.set("displayName", p.displayName);
  const hex = p.color ? roleColorHex(p.color) : undefined;
  if (hex) q.set("color", hex);
  return `${base}?${q.toString()}`;
}

/** The role part of a role's ARN as the Switch role page takes it: its path (no leading slash) and its name. */
export const roleNameWithPath = (path: string | undefined, roleName: string) => `${(path ?? "/").replace(/^\//, "")}${roleName}`;

/** Who the console acts as while switched, and what it can switch to: identity only, never credentials. */
export type SwitchedRole = RecentRole & { arn: string; expiration: number };

export type SwitchRoleState = {
  /** The identity that signed in (the switch and the switch back are made with its credentials). */
  signedIn: { type: "root" | "user" | "assumed-role"; arn: string; accountId: string; accountAlias?: string; userName?: string };
  active?: SwitchedRole;
  /** The role session that ended (expired or revoked) since the last page: the console is back as `signedIn`. */
  ended?: SwitchedRole;
  recent: RecentRole[];
};

/** The answer to a switch role or switch back session update, in AWS's words when it failed. */
export type SwitchOutcome = { ok: true } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/** The code of an API 401 that asks the page to reload (the console then switches back), not to sign in again. */
export const ROLE_SESSION_ENDED = "RoleSessionEnded";
