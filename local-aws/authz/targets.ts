import type { Ctx } from "../context";
import { sql } from "../store/db";

type Tag = { key: string; value: string };

/**
 * A resource a request is authorized against: the ARN policies match, the words AWS's AccessDenied message uses for
 * it (IAM names existing entities as `user bob`, `role R`, `policy <arn>`, new ones by ARN), and what it carries.
 */
export type Target = {
  arn: string;
  display: string;
  /** The existing resource's tags (aws:ResourceTag), and whether IAM also exposes them as iam:ResourceTag (users, roles). */
  tags?: Tag[];
  iamTags?: boolean;
  /** The user's or role's current permissions boundary, for actions that offer iam:PermissionsBoundary. */
  boundary?: string;
};

const iamArn = (ctx: Ctx, type: string, path: string, name: string) => `arn:aws:iam::${ctx.accountId}:${type}${path}${name}`;

const tagsOf = (ctx: Ctx, type: string, id: string) =>
  sql(ctx.db, "SELECT key, value FROM tags WHERE resource_type = ? AND resource_id = ? ORDER BY seq").all(type, id) as Tag[];

type EntityRow = { id: string; name: string; arn: string; permissions_boundary?: string | null };

const ENTITY_SQL = {
  user: "SELECT user_id AS id, name, arn, permissions_boundary FROM users WHERE account_id = ? AND name_lc = ?",
  group: "SELECT group_id AS id, name, arn FROM groups WHERE account_id = ? AND name_lc = ?",
  role: "SELECT role_id AS id, name, arn, permissions_boundary FROM roles WHERE account_id = ? AND name_lc = ?",
  "instance-profile": "SELECT instance_profile_id AS id, name, arn FROM instance_profiles WHERE account_id = ? AND name_lc = ?",
} as const;

type EntityType = keyof typeof ENTITY_SQL;

/** An existing user, group, role or instance profile by name; a missing one is authorized at the default path. */
function entity(ctx: Ctx, type: EntityType, name: string): Target {
  const row = sql(ctx.db, ENTITY_SQL[type]).get(ctx.accountId, name.toLowerCase()) as EntityRow | undefined;
  const display = `${type === "instance-profile" ? "instance profile" : type} ${name}`;
  if (!row) return { arn: iamArn(ctx, type, "/", name), display };
  const tagged = type !== "group";
  return {
    arn: row.arn,
    display,
    ...(tagged ? { tags: tagsOf(ctx, type, row.id) } : {}),
    iamTags: type === "user" || type === "role",
    ...(row.permissions_boundary ? { boundary: row.permissions_boundary } : {}),
  };
}

export const user = (ctx: Ctx, name: string) => entity(ctx, "user", name);
export const group = (ctx: Ctx, name: string) => entity(ctx, "group", name);
export const role = (ctx: Ctx, name: string) => entity(ctx, "role", name);
export const instanceProfile = (ctx: Ctx, name: string) => entity(ctx, "instance-profile", name);

/** The resource a create action names: the ARN of the entity it would make. */
export function created(ctx: Ctx, type: EntityType | "mfa", path: string | undefined, name: string): Target {
  const arn = iamArn(ctx, type, path ?? "/", name);
  return { arn, display: arn };
}

/** CreatePolicy is the exception: AWS names the new policy `policy <name>`. */
export function createdPolicy(ctx: Ctx, path: string | undefined, name: string): Target {
  return { arn: iamArn(ctx, "policy", path ?? "/", name), display: `policy ${name}` };
}

export function policy(ctx: Ctx, policyArn: string): Target {
  const row = sql(ctx.db, "SELECT policy_id FROM policies WHERE arn = ?").get(policyArn) as { policy_id: string } | undefined;
  return { arn: policyArn, display: `policy ${policyArn}`, ...(row ? { tags: tagsOf(ctx, "policy", row.policy_id) } : {}) };
}

/** Virtual MFA devices are named by their serial number, which is their ARN. */
export function mfaDevice(ctx: Ctx, serial: string): Target {
  const row = sql(ctx.db, "SELECT serial_number FROM mfa_devices WHERE serial_number = ? AND account_id = ?").get(serial, ctx.accountId);
  return { arn: serial, display: serial, ...(row ? { tags: tagsOf(ctx, "mfa", serial) } : {}) };
}

/** List actions are authorized on the path they list (`arn:aws:iam::A:user/`); AWS words ListPolicies' as `policy path /`. */
export function listing(ctx: Ctx, type: "user" | "group" | "role" | "instance-profile" | "policy" | "mfa", pathPrefix?: string): Target {
  const arn = `arn:aws:iam::${ctx.accountId}:${type}${pathPrefix ?? "/"}`;
  return { arn, display: type === "policy" ? `policy path ${pathPrefix ?? "/"}` : arn };
}

/** Account-wide actions (password policy, aliases, summary, reports) take no resource. */
export const account: Target = { arn: "*", display: "*" };

/** The calling IAM user, for actions whose UserName defaults to the caller. */
export function self(ctx: Ctx): Target | undefined {
  return ctx.caller.type === "user" && ctx.caller.userName ? user(ctx, ctx.caller.userName) : undefined;
}

/** The simulator's PolicySourceArn: the user, group or role it names, shown by the ARN the caller gave. */
export function policySource(ctx: Ctx, sourceArn: string): Target {
  const m = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:[^/]*\/)*([^/]+)$/.exec(sourceArn);
  const found = m && m[1] === ctx.accountId ? entity(ctx, m[2] as EntityType, m[3]) : undefined;
  return { ...found, arn: sourceArn, display: sourceArn };
}

const PROVIDER_SQL = {
  "oidc-provider": "SELECT arn FROM oidc_providers WHERE account_id = ? AND arn = ? COLLATE NOCASE",
  "saml-provider": "SELECT arn FROM saml_providers WHERE account_id = ? AND arn = ? COLLATE NOCASE",
} as const;

/** An OpenID Connect or SAML provider, named by the ARN the caller gave; an existing one brings its tags. */
export function identityProvider(ctx: Ctx, type: keyof typeof PROVIDER_SQL, arn: string): Target {
  const row = sql(ctx.db, PROVIDER_SQL[type]).get(ctx.accountId, arn) as { arn: string } | undefined;
  return { arn, display: arn, ...(row ? { tags: tagsOf(ctx, type, row.arn) } : {}) };
}

/** The provider a Create action would make: an OIDC provider is named by its URL's host and path, a SAML provider by its name. */
export function createdProvider(ctx: Ctx, type: keyof typeof PROVIDER_SQL, name: string): Target {
  const id =
    type === "oidc-provider" ? name.replace(/^https:\/\/([^/?#]*)/i, (_m, host: string) => host.toLowerCase()).replace(/\/+$/, "") : name;
  const arn = `arn:aws:iam::${ctx.accountId}:${type}/${id}`;
  return { arn, display: arn };
}
