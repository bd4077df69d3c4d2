import type { CompiledPolicy, ContextValue } from "../../lib/policy/evaluate/types";
import type { Target } from "./targets";

type Tag = { Key: string; Value?: string };
export type Keys = Record<string, ContextValue>;

/** One authorization question a request asks: may the caller perform `action` on `target`, with these request keys? */
export type Check = {
  action: string;
  target: Target;
  keys: Keys;
  /** The target's resource-based policy (a role's trust policy for sts:AssumeRole*), and the account that owns it. */
  resource?: { policy: CompiledPolicy; account: string; required?: boolean };
  /** The account whose resource control policies govern the target (RCP services only: here STS). */
  rcpAccount?: string;
  /**
   * When the resource-based policy (or a missing resource) is what denies, AWS names no policy type: "User: X is not
   * authorized to perform: sts:AssumeRole on resource: R", the same for a role that doesn't exist.
   */
  bareResourceDenial?: boolean;
};

/**
 * Actions whose Service Authorization Reference entry offers iam:PermissionsBoundary: for an existing user or role it
 * holds the entity's current boundary (Create* and Put*PermissionsBoundary pass the requested one instead).
 */
const BOUNDARY_KEY_ACTIONS = new Set([
  "GetRole",
  "UpdateRole",
  "UpdateRoleDescription",
  "UpdateAssumeRolePolicy",
  "DeleteRole",
  "DeleteUserPermissionsBoundary",
  "DeleteRolePermissionsBoundary",
  "AttachUserPolicy",
  "DetachUserPolicy",
  "AttachRolePolicy",
  "DetachRolePolicy",
  "PutUserPolicy",
  "DeleteUserPolicy",
  "PutRolePolicy",
  "DeleteRolePolicy",
]);

/** `iam:<action>` on an existing (or named) resource, with the keys the resource itself contributes. */
export function on(action: string, target: Target, keys: Keys = {}): Check {
  const own: Keys = {};
  if (BOUNDARY_KEY_ACTIONS.has(action) && target.boundary) own["iam:PermissionsBoundary"] = target.boundary;
  return { action: `iam:${action}`, target, keys: { ...own, ...keys } };
}

/** `<service>:<action>` (e.g. `organizations:AttachPolicy`, `sts:AssumeRole`) on a resource, with request keys. */
export const checkOn = (action: string, target: Target, keys: Keys = {}): Check => ({ action, target, keys });

/** aws:RequestTag/<key> for each tag and aws:TagKeys, as Create* and Tag* requests carry them. */
export function requestTags(tags: Tag[] | undefined): Keys {
  if (!tags?.length) return {};
  const keys: Keys = { "aws:TagKeys": tags.map((t) => t.Key) };
  for (const t of tags) keys[`aws:RequestTag/${t.Key}`] = t.Value ?? "";
  return keys;
}

export const tagKeys = (keys: string[] | undefined): Keys => (keys?.length ? { "aws:TagKeys": keys } : {});

export const boundaryKey = (arn: string | undefined): Keys => (arn ? { "iam:PermissionsBoundary": arn } : {});

/**
 * A create action, and, when the request carries tags, the matching Tag* action on the new resource: AWS authorizes
 * tag-on-create separately (CreateRole with Tags needs iam:TagRole too) and refuses the whole request without it.
 */
export function createTagged(action: string, tagAction: string, target: Target, tags: Tag[] | undefined, keys: Keys = {}): Check[] {
  const tagged = requestTags(tags);
  const checks = [on(action, target, { ...tagged, ...keys })];
  if (tags?.length) checks.push(on(tagAction, target, tagged));
  return checks;
}
