import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { limitExceeded, noSuchEntity } from "../protocol/errors";
import { assertPolicyDocument, policySize } from "./policy-document";
import { arrayPage, encodeDocument, pageOut } from "./shared";
import { getPrincipal, principalKinds, type Principal, type PrincipalKind } from "./attachments";

/** AWS caps the sum of a principal's inline documents (whitespace not counted), not each one. */
const MAX_INLINE_SIZE: Record<Principal["type"], number> = { user: 2048, group: 5120, role: 10240 };

type PolicyRow = { name: string; document: string };

const inlinePolicies = (ctx: Ctx, p: Principal) =>
  sql(ctx.db, "SELECT name, document FROM inline_policies WHERE entity_type = ? AND entity_id = ? ORDER BY name").all(
    p.type,
    p.id,
  ) as PolicyRow[];

function findPolicy(ctx: Ctx, p: Principal, policyName: string): PolicyRow {
  const row = sql(ctx.db, "SELECT name, document FROM inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?").get(
    p.type,
    p.id,
    policyName,
  ) as PolicyRow | undefined;
  if (!row) throw noSuchEntity(`The ${p.type} policy with name ${policyName} cannot be found.`);
  return row;
}

function put(ctx: Ctx, kind: PrincipalKind, input: Record<string, any>): void {
  const p = getPrincipal(ctx, kind, input[`${kind}Name`], true);
  const { PolicyName: name, PolicyDocument: document } = input as { PolicyName: string; PolicyDocument: string };
  assertPolicyDocument(document, "identity");
  const others = inlinePolicies(ctx, p).filter((r) => r.name !== name);
  const total = others.reduce((sum, r) => sum + policySize(r.document), policySize(document));
  const max = MAX_INLINE_SIZE[p.type];
  if (total > max) throw limitExceeded(`Maximum policy size of ${max} bytes exceeded for ${p.type} ${p.name}`);
  sql(
    ctx.db,
    `INSERT INTO inline_policies (entity_type, entity_id, name, document) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity_type, entity_id, name) DO UPDATE SET document = excluded.document`,
  ).run(p.type, p.id, name, document);
}

function get(ctx: Ctx, kind: PrincipalKind, input: Record<string, any>) {
  const p = getPrincipal(ctx, kind, input[`${kind}Name`]);
  const row = findPolicy(ctx, p, input.PolicyName);
  return { [`${kind}Name`]: p.name, PolicyName: row.name, PolicyDocument: encodeDocument(row.document) };
}

function remove(ctx: Ctx, kind: PrincipalKind, input: Record<string, any>): void {
  const p = getPrincipal(ctx, kind, input[`${kind}Name`], true);
  const row = findPolicy(ctx, p, input.PolicyName);
  sql(ctx.db, "DELETE FROM inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?").run(p.type, p.id, row.name);
}

function list(ctx: Ctx, kind: PrincipalKind, input: Record<string, any>) {
  const p = getPrincipal(ctx, kind, input[`${kind}Name`]);
  return pageOut(
    arrayPage(
      input,
      inlinePolicies(ctx, p).map((r) => r.name),
    ),
    "PolicyNames",
    (n) => n,
  );
}

export const inlinePoliciesHandlers: Handlers = Object.fromEntries(
  principalKinds.flatMap((k) => [
    [`Put${k}Policy`, (input: Record<string, any>, ctx: Ctx) => put(ctx, k, input)],
    [`Get${k}Policy`, (input: Record<string, any>, ctx: Ctx) => get(ctx, k, input)],
    [`Delete${k}Policy`, (input: Record<string, any>, ctx: Ctx) => remove(ctx, k, input)],
    [`List${k}Policies`, (input: Record<string, any>, ctx: Ctx) => list(ctx, k, input)],
  ]),
);
