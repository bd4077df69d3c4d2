import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { managementOnly } from "./access";
import { handshakeConstraint, type Org } from "./shared";
import { handshakeOut, insertHandshake, organizationResource, setState, type HandshakeRow } from "./handshake-store";
import { orgMembers } from "./tree";

/**
 * EnableAllFeatures: a consolidated-billing organization asks every invited member to agree (an ENABLE_ALL_FEATURES
 * handshake each, under the request's own); once all have, the management account gets APPROVE_ALL_FEATURES to
 * accept, which switches the organization to all features. Created accounts need not agree.
 */

export const pendingAllFeatures = (ctx: Ctx, org: Org) =>
  sql(
    ctx.db,
    "SELECT * FROM org_handshakes WHERE org_id = ? AND action = 'ENABLE_ALL_FEATURES' AND parent_handshake_id IS NULL AND state IN ('REQUESTED', 'OPEN')",
  ).get(org.org_id) as HandshakeRow | undefined;

function requestApproval(ctx: Ctx, org: Org, parent: HandshakeRow): void {
  insertHandshake(ctx, org, {
    action: "APPROVE_ALL_FEATURES",
    state: "OPEN",
    parties: [
      { Id: org.org_id, Type: "ORGANIZATION" },
      { Id: org.management_account_id, Type: "ACCOUNT" },
    ],
    resources: [organizationResource(ctx, org), { Type: "PARENT_HANDSHAKE", Value: parent.handshake_id }],
    target: org.management_account_id,
    parent: parent.handshake_id,
  });
}

const children = (ctx: Ctx, parent: HandshakeRow) =>
  sql(ctx.db, "SELECT * FROM org_handshakes WHERE parent_handshake_id = ? AND action = 'ENABLE_ALL_FEATURES'").all(
    parent.handshake_id,
  ) as HandshakeRow[];

/** A member agreed (ENABLE_ALL_FEATURES) or the management account approved (APPROVE_ALL_FEATURES). */
export function acceptAllFeatures(ctx: Ctx, org: Org, h: HandshakeRow): void {
  setState(ctx, h, "ACCEPTED");
  const parent = h.parent_handshake_id
    ? (sql(ctx.db, "SELECT * FROM org_handshakes WHERE handshake_id = ?").get(h.parent_handshake_id) as HandshakeRow | undefined)
    : undefined;
  if (!parent) return;
  if (h.action === "APPROVE_ALL_FEATURES") {
    sql(ctx.db, "UPDATE org_organizations SET feature_set = 'ALL' WHERE org_id = ?").run(org.org_id);
    setState(ctx, parent, "ACCEPTED");
  } else if (children(ctx, parent).every((c) => c.state === "ACCEPTED")) {
    requestApproval(ctx, org, parent);
  }
}

export const allFeaturesHandlers: Handlers = {
  EnableAllFeatures(_input, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    if (org.feature_set === "ALL") throw handshakeConstraint("ORGANIZATION_ALREADY_HAS_ALL_FEATURES");
    if (pendingAllFeatures(ctx, org)) throw handshakeConstraint("ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION");
    const parent = insertHandshake(ctx, org, {
      action: "ENABLE_ALL_FEATURES",
      state: "REQUESTED",
      parties: [{ Id: org.org_id, Type: "ORGANIZATION" }],
      resources: [{ Type: "ORGANIZATION", Value: org.org_id }],
    });
    const invited = orgMembers(ctx.db, org.org_id).filter(
      (m) => m.joined_method === "INVITED" && m.account_id !== org.management_account_id,
    );
    for (const m of invited) {
      insertHandshake(ctx, org, {
        action: "ENABLE_ALL_FEATURES",
        state: "OPEN",
        parties: [
          { Id: org.org_id, Type: "ORGANIZATION" },
          { Id: m.account_id, Type: "ACCOUNT" },
        ],
        resources: [organizationResource(ctx, org), { Type: "PARENT_HANDSHAKE", Value: parent.handshake_id }],
        target: m.account_id,
        parent: parent.handshake_id,
      });
    }
    if (!invited.length) requestApproval(ctx, org, parent);
    return { Handshake: handshakeOut(org, parent) };
  },
};
