import "server-only";
import { PutRolePolicyCommand, TagRoleCommand, UntagRoleCommand, UpdateRoleCommand, ListRoleTagsCommand } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { roleTagsSchema, updateRoleSchema } from "@/lib/schemas/roles";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";

type RoleParams = { principal: Principal; params: { roleName: string } };

/** UpdateRole: the description and the maximum session duration. */
export async function updateRole({ principal, params, input }: RoleParams & { input: z.infer<typeof updateRoleSchema> }) {
  try {
    await iamClient(principal).send(
      new UpdateRoleCommand({ RoleName: params.roleName, Description: input.description, MaxSessionDuration: input.maxSessionDuration }),
    );
    return { ok: true };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** The console's "Manage tags": UntagRole for removed keys, then TagRole with the new set (changed values overwrite). */
export async function updateRoleTags({ principal, params, input }: RoleParams & { input: z.infer<typeof roleTagsSchema> }) {
  const iam = iamClient(principal);
  const RoleName = params.roleName;
  try {
    const current = (await iam.send(new ListRoleTagsCommand({ RoleName, MaxItems: 1000 }))).Tags ?? [];
    const keep = new Set(input.tags.map((t) => t.Key));
    const removed = current.map((t) => t.Key!).filter((k) => !keep.has(k));
    if (removed.length) await iam.send(new UntagRoleCommand({ RoleName, TagKeys: removed }));
    if (input.tags.length) await iam.send(new TagRoleCommand({ RoleName, Tags: input.tags }));
    return { ok: true };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export const REVOKE_POLICY_NAME = "AWSRevokeOlderSessions";

/**
 * "Revoke active sessions", as the AWS console does it: an inline policy denying everything to sessions whose
 * credentials were issued before now (aws:TokenIssueTime). New sessions are unaffected.
 */
export async function revokeRoleSessions({ principal, params }: RoleParams) {
  const issuedBefore = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const document = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": issuedBefore } } }],
  };
  try {
    await iamClient(principal).send(
      new PutRolePolicyCommand({ RoleName: params.roleName, PolicyName: REVOKE_POLICY_NAME, PolicyDocument: JSON.stringify(document) }),
    );
    return { revokedBefore: issuedBefore };
  } catch (err) {
    throw fromSdkError(err);
  }
}
