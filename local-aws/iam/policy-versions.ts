import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { deleteConflict, limitExceeded } from "../protocol/errors";
import { arrayPage, iso, pageOut } from "./shared";
import {
  MAX_VERSIONS,
  assertOwnPolicy,
  checkDocument,
  findPolicy,
  getPolicyRow,
  noSuchVersion,
  versionOut,
  versionsOf,
  type PolicyRow,
  type VersionRow,
} from "./policy-model";

function getVersion(ctx: Ctx, policyArn: string, versionId: string): { p: PolicyRow; v: VersionRow } {
  const p = findPolicy(ctx, policyArn);
  const v =
    p &&
    (sql(ctx.db, "SELECT * FROM policy_versions WHERE policy_id = ? AND version_id = ?").get(p.policy_id, versionId) as
      VersionRow | undefined);
  if (!p || !v) throw noSuchVersion(policyArn, versionId);
  return { p, v };
}

const setDefault = (ctx: Ctx, p: PolicyRow, versionId: string) =>
  sql(ctx.db, "UPDATE policies SET default_version_id = ?, update_date = ? WHERE policy_id = ?").run(versionId, iso(ctx.now), p.policy_id);

export const policyVersionsHandlers: Handlers = {
  CreatePolicyVersion(input: { PolicyArn: string; PolicyDocument: string; SetAsDefault?: boolean }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot update policies outside your own account.");
    checkDocument(input.PolicyDocument);
    const p = getPolicyRow(ctx, input.PolicyArn);
    if (versionsOf(ctx, p.policy_id).length >= MAX_VERSIONS) {
      throw limitExceeded(
        `A managed policy can have up to ${MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const versionId = `v${p.next_version}`;
    const now = iso(ctx.now);
    sql(ctx.db, "INSERT INTO policy_versions (policy_id, version_id, document, create_date) VALUES (?, ?, ?, ?)").run(
      p.policy_id,
      versionId,
      input.PolicyDocument,
      now,
    );
    sql(ctx.db, "UPDATE policies SET next_version = next_version + 1 WHERE policy_id = ?").run(p.policy_id);
    if (input.SetAsDefault) setDefault(ctx, p, versionId);
    const v: VersionRow = { policy_id: p.policy_id, version_id: versionId, document: input.PolicyDocument, create_date: now };
    return { PolicyVersion: versionOut({ ...p, default_version_id: input.SetAsDefault ? versionId : p.default_version_id }, v, false) };
  },

  GetPolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx) {
    const { p, v } = getVersion(ctx, input.PolicyArn, input.VersionId);
    return { PolicyVersion: versionOut(p, v, true) };
  },

  ListPolicyVersions(input: { PolicyArn: string; Marker?: string; MaxItems?: number }, ctx) {
    const p = getPolicyRow(ctx, input.PolicyArn);
    return pageOut(arrayPage(input, versionsOf(ctx, p.policy_id)), "Versions", (v) => versionOut(p, v, false));
  },

  DeletePolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot delete policy versions for policies outside your own account.");
    const { p, v } = getVersion(ctx, input.PolicyArn, input.VersionId);
    if (v.version_id === p.default_version_id) throw deleteConflict("Cannot delete the default version of a policy.");
    sql(ctx.db, "DELETE FROM policy_versions WHERE policy_id = ? AND version_id = ?").run(p.policy_id, v.version_id);
  },

  SetDefaultPolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot update policies outside your own account.");
    const { p, v } = getVersion(ctx, input.PolicyArn, input.VersionId);
    setDefault(ctx, p, v.version_id);
  },
};
