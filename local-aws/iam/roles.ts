import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { deleteConflict, entityAlreadyExists, invalidInput, limitExceeded } from "../protocol/errors";
import { assertPolicyDocument, policySize } from "./policy-document";
import { findOidcProvider } from "./oidc-providers";
import { findSamlProvider } from "./saml-providers";
import {
  arn,
  arrayPage,
  assertRoleModifiable,
  boundaryOut,
  checkBoundary,
  deleteAllTags,
  encodeDocument,
  getRole,
  iso,
  keysetPage,
  listTags,
  pageOut,
  pathPrefix,
  putTags,
  reachesQuota,
  removeTags,
  type RoleRow,
  type Tag,
} from "./shared";

const TRUST_POLICY_MAX_SIZE = 2048;
const SERVICE_LINKED_PATH = "/aws-service-role/";

/** The members every listing of a role carries (instance profiles show only these). */
export const roleCoreOut = (r: RoleRow) => ({
  Path: r.path,
  RoleName: r.name,
  RoleId: r.role_id,
  Arn: r.arn,
  CreateDate: new Date(r.create_date),
  AssumeRolePolicyDocument: encodeDocument(r.assume_role_policy),
});

const descriptionOut = (r: RoleRow) => (r.description ? { Description: r.description } : {});

function tagsOut(ctx: Ctx, r: RoleRow) {
  const tags = listTags(ctx, "role", r.role_id);
  return tags.length ? { Tags: tags } : {};
}

/** ListRoles omits PermissionsBoundary, RoleLastUsed and Tags, as AWS documents. */
const listedRoleOut = (r: RoleRow) => ({ ...roleCoreOut(r), ...descriptionOut(r), MaxSessionDuration: r.max_session_duration });

const createdRoleOut = (ctx: Ctx, r: RoleRow) => ({
  ...roleCoreOut(r),
  ...descriptionOut(r),
  PermissionsBoundary: boundaryOut(r.permissions_boundary),
  ...tagsOut(ctx, r),
});

const fullRoleOut = (ctx: Ctx, r: RoleRow) => ({
  ...listedRoleOut(r),
  PermissionsBoundary: boundaryOut(r.permissions_boundary),
  ...tagsOut(ctx, r),
  RoleLastUsed: r.last_used_date ? { LastUsedDate: new Date(r.last_used_date), Region: r.last_used_region ?? undefined } : {},
});

/**
 * Whether a user, role, OpenID Connect or SAML provider ARN named as a trust principal exists; ARNs of accounts local-aws
 * does not host cannot be checked.
 */
function trustPrincipalExists(ctx: Ctx, principalArn: string): boolean {
  const m = /^arn:aws:iam::(\d{12}):(user|role|oidc-provider|saml-provider)\//.exec(principalArn);
  if (!m || sql(ctx.db, "SELECT 1 FROM accounts WHERE account_id = ?").get(m[1]) === undefined) return true;
  const inAccount = { ...ctx, accountId: m[1] };
  if (m[2] === "oidc-provider") return findOidcProvider(inAccount, principalArn) !== undefined;
  if (m[2] === "saml-provider") return findSamlProvider(inAccount, principalArn) !== undefined;
  const table = m[2] === "user" ? "users" : "roles";
  return sql(ctx.db, `SELECT 1 FROM ${table} WHERE account_id = ? AND arn = ?`).get(m[1], principalArn) !== undefined;
}

function assertTrustPolicy(ctx: Ctx, document: string): void {
  assertPolicyDocument(document, "trust", { principalExists: (principalArn) => trustPrincipalExists(ctx, principalArn) });
  if (policySize(document) > TRUST_POLICY_MAX_SIZE) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_MAX_SIZE}`);
  }
}

const roleExists = (ctx: Ctx, name: string) =>
  sql(ctx.db, "SELECT 1 FROM roles WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) !== undefined;

function modifiableRole(ctx: Ctx, name: string): RoleRow {
  const role = getRole(ctx, name);
  assertRoleModifiable(role);
  return role;
}

type CreateRoleInput = {
  RoleName: string;
  AssumeRolePolicyDocument: string;
  Path?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: string;
  Tags?: Tag[];
};

export const rolesHandlers: Handlers = {
  CreateRole(input: CreateRoleInput, ctx) {
    const path = input.Path ?? "/";
    if (path.startsWith(SERVICE_LINKED_PATH)) {
      throw invalidInput(`Path prefix '${SERVICE_LINKED_PATH}' can only be used for AWS Service linked Roles`);
    }
    assertTrustPolicy(ctx, input.AssumeRolePolicyDocument);
    if (roleExists(ctx, input.RoleName)) throw entityAlreadyExists(`Role with name ${input.RoleName} already exists.`);
    if (input.PermissionsBoundary) checkBoundary(ctx, input.PermissionsBoundary);
    if (reachesQuota(ctx, "roles", ctx.quotas.rolesPerAccount))
      throw limitExceeded(`Cannot exceed quota for RolesPerAccount: ${ctx.quotas.rolesPerAccount}`);
    const id = uniqueId("AROA");
    sql(
      ctx.db,
      `INSERT INTO roles (role_id, account_id, name, name_lc, path, arn, assume_role_policy, description, max_session_duration,
         permissions_boundary, create_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      ctx.accountId,
      input.RoleName,
      input.RoleName.toLowerCase(),
      path,
      arn(ctx, "role", path, input.RoleName),
      input.AssumeRolePolicyDocument,
      input.Description || null,
      input.MaxSessionDuration ?? 3600,
      input.PermissionsBoundary ?? null,
      iso(ctx.now),
    );
    putTags(ctx, "role", id, input.Tags);
    return { Role: createdRoleOut(ctx, getRole(ctx, input.RoleName)) };
  },

  GetRole(input: { RoleName: string }, ctx) {
    return { Role: fullRoleOut(ctx, getRole(ctx, input.RoleName)) };
  },

  ListRoles(input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, ctx) {
    const prefix = pathPrefix(input);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT * FROM roles WHERE account_id = ? AND substr(path, 1, length(?)) = ? AND name_lc > ?
           ORDER BY name_lc LIMIT ?`,
        ).all(ctx.accountId, prefix, prefix, after, limit) as (RoleRow & { name_lc: string })[],
      (r) => r.name_lc,
    );
    return pageOut(page, "Roles", listedRoleOut);
  },

  /** A service-linked role's description is the one thing anyone may change ("You can edit the description of any role"). */
  UpdateRole(input: { RoleName: string; Description?: string; MaxSessionDuration?: number }, ctx) {
    const role = input.MaxSessionDuration === undefined ? getRole(ctx, input.RoleName) : modifiableRole(ctx, input.RoleName);
    const description = input.Description === undefined ? role.description : input.Description || null;
    sql(ctx.db, "UPDATE roles SET description = ?, max_session_duration = ? WHERE role_id = ?").run(
      description,
      input.MaxSessionDuration ?? role.max_session_duration,
      role.role_id,
    );
  },

  UpdateRoleDescription(input: { RoleName: string; Description: string }, ctx) {
    const role = getRole(ctx, input.RoleName);
    sql(ctx.db, "UPDATE roles SET description = ? WHERE role_id = ?").run(input.Description || null, role.role_id);
    return { Role: fullRoleOut(ctx, getRole(ctx, input.RoleName)) };
  },

  UpdateAssumeRolePolicy(input: { RoleName: string; PolicyDocument: string }, ctx) {
    const role = modifiableRole(ctx, input.RoleName);
    assertTrustPolicy(ctx, input.PolicyDocument);
    sql(ctx.db, "UPDATE roles SET assume_role_policy = ? WHERE role_id = ?").run(input.PolicyDocument, role.role_id);
  },

  DeleteRole(input: { RoleName: string }, ctx) {
    const role = modifiableRole(ctx, input.RoleName);
    const has = (q: string) => sql(ctx.db, q).get(role.role_id) !== undefined;
    if (has("SELECT 1 FROM instance_profile_roles WHERE role_id = ?")) {
      throw deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
    }
    if (has("SELECT 1 FROM attachments WHERE entity_type = 'role' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    if (has("SELECT 1 FROM inline_policies WHERE entity_type = 'role' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete policies first.");
    }
    sql(ctx.db, "DELETE FROM roles WHERE role_id = ?").run(role.role_id);
    deleteAllTags(ctx, "role", role.role_id);
  },

  TagRole(input: { RoleName: string; Tags: Tag[] }, ctx) {
    putTags(ctx, "role", getRole(ctx, input.RoleName).role_id, input.Tags);
  },

  UntagRole(input: { RoleName: string; TagKeys: string[] }, ctx) {
    removeTags(ctx, "role", getRole(ctx, input.RoleName).role_id, input.TagKeys);
  },

  ListRoleTags(input: { RoleName: string; Marker?: string; MaxItems?: number }, ctx) {
    return pageOut(arrayPage(input, listTags(ctx, "role", getRole(ctx, input.RoleName).role_id)), "Tags", (t) => t);
  },

  PutRolePermissionsBoundary(input: { RoleName: string; PermissionsBoundary: string }, ctx) {
    const role = modifiableRole(ctx, input.RoleName);
    checkBoundary(ctx, input.PermissionsBoundary);
    sql(ctx.db, "UPDATE roles SET permissions_boundary = ? WHERE role_id = ?").run(input.PermissionsBoundary, role.role_id);
  },

  DeleteRolePermissionsBoundary(input: { RoleName: string }, ctx) {
    const role = modifiableRole(ctx, input.RoleName);
    sql(ctx.db, "UPDATE roles SET permissions_boundary = NULL WHERE role_id = ?").run(role.role_id);
  },
};
