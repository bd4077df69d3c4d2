import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { invalidInput, limitExceeded, noSuchEntity, validationError } from "../protocol/errors";
import { arrayPage, assertRoleModifiable, getGroup, getRole, getUser, pageOut, pathPrefix } from "./shared";

/** The three IAM principal kinds, spelled as in AWS's action and parameter names. */
export type PrincipalKind = "User" | "Group" | "Role";
export type Principal = { type: "user" | "group" | "role"; id: string; name: string };
export const principalKinds: PrincipalKind[] = ["User", "Group", "Role"];

/** A user, group or role by name, with AWS's NoSuchEntity when missing; `modify` refuses service-linked roles. */
export function getPrincipal(ctx: Ctx, kind: PrincipalKind, name: string, modify = false): Principal {
  if (kind === "User") {
    const u = getUser(ctx, name);
    return { type: "user", id: u.user_id, name: u.name };
  }
  if (kind === "Group") {
    const g = getGroup(ctx, name);
    return { type: "group", id: g.group_id, name: g.name };
  }
  const r = getRole(ctx, name);
  if (modify) assertRoleModifiable(r);
  return { type: "role", id: r.role_id, name: r.name };
}

const MAX_ATTACHED = 10;
const POLICY_ARN = /^arn:([^:]+):iam::(?:\d{12}|aws):policy(\/(?:[^/]+\/)*)([^/]+)$/;

/** Splits a managed policy ARN into its path and name, refusing what is not one. */
function parsePolicyArn(policyArn: string): { path: string; name: string } {
  const m = POLICY_ARN.exec(policyArn);
  if (!m) throw invalidInput(`ARN ${policyArn} is not valid.`);
  if (m[1] !== "aws") throw validationError("Invalid ARN partition");
  return { path: m[2], name: m[3] };
}

function assertAttachable(ctx: Ctx, policyArn: string): void {
  const row = sql(ctx.db, "SELECT account_id FROM policies WHERE arn = ?").get(policyArn) as { account_id: string } | undefined;
  if (!row || (row.account_id !== "aws" && row.account_id !== ctx.accountId)) {
    throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
  }
}

const attachedArns = (ctx: Ctx, p: Principal) =>
  (
    sql(ctx.db, "SELECT policy_arn FROM attachments WHERE entity_type = ? AND entity_id = ? ORDER BY seq").all(p.type, p.id) as {
      policy_arn: string;
    }[]
  ).map((r) => r.policy_arn);

/** Attaching an already attached policy is a no-op, even at the quota. */
function attach(ctx: Ctx, kind: PrincipalKind, name: string, policyArn: string): void {
  parsePolicyArn(policyArn);
  const p = getPrincipal(ctx, kind, name, true);
  assertAttachable(ctx, policyArn);
  const attached = attachedArns(ctx, p);
  if (attached.includes(policyArn)) return;
  if (attached.length >= MAX_ATTACHED) throw limitExceeded(`Cannot exceed quota for PoliciesPer${kind}: ${MAX_ATTACHED}`);
  sql(
    ctx.db,
    `INSERT INTO attachments (account_id, entity_type, entity_id, policy_arn, seq)
     VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM attachments WHERE entity_type = ? AND entity_id = ?))`,
  ).run(ctx.accountId, p.type, p.id, policyArn, p.type, p.id);
}

function detach(ctx: Ctx, kind: PrincipalKind, name: string, policyArn: string): void {
  parsePolicyArn(policyArn);
  const p = getPrincipal(ctx, kind, name, true);
  const res = sql(ctx.db, "DELETE FROM attachments WHERE entity_type = ? AND entity_id = ? AND policy_arn = ?").run(
    p.type,
    p.id,
    policyArn,
  );
  if (res.changes === 0) throw noSuchEntity(`Policy ${policyArn} was not found.`);
}

function listAttached(ctx: Ctx, kind: PrincipalKind, input: Record<string, any>) {
  const p = getPrincipal(ctx, kind, input[`${kind}Name`]);
  const prefix = pathPrefix(input);
  const policies = attachedArns(ctx, p)
    .map((a) => ({ PolicyArn: a, ...parsePolicyArn(a) }))
    .filter((a) => a.path.startsWith(prefix))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  return pageOut(arrayPage(input, policies), "AttachedPolicies", (a) => ({ PolicyName: a.name, PolicyArn: a.PolicyArn }));
}

export const attachmentsHandlers: Handlers = Object.fromEntries(
  principalKinds.flatMap((k) => [
    [`Attach${k}Policy`, (input: Record<string, any>, ctx: Ctx) => attach(ctx, k, input[`${k}Name`], input.PolicyArn)],
    [`Detach${k}Policy`, (input: Record<string, any>, ctx: Ctx) => detach(ctx, k, input[`${k}Name`], input.PolicyArn)],
    [`ListAttached${k}Policies`, (input: Record<string, any>, ctx: Ctx) => listAttached(ctx, k, input)],
  ]),
);
