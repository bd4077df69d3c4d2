import "server-only";
import {
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { attachedRolePolicies, instanceProfilesForRole, rolePolicyNames } from "./role-lists";

export type DeletedRole = {
  roleName: string;
  removedFromInstanceProfiles: string[];
  deletedInstanceProfiles: string[];
  detachedPolicies: string[];
  deletedInlinePolicies: string[];
};

/**
 * As the AWS console deletes a role: out of its instance profiles (deleting those left empty), managed policies
 * detached, inline policies deleted, then DeleteRole. AWS's error for the step that fails is returned verbatim.
 */
export async function deleteRole({ principal, params }: { principal: Principal; params: { roleName: string } }): Promise<DeletedRole> {
  const iam = iamClient(principal);
  const RoleName = params.roleName;
  const out: DeletedRole = {
    roleName: RoleName,
    removedFromInstanceProfiles: [],
    deletedInstanceProfiles: [],
    detachedPolicies: [],
    deletedInlinePolicies: [],
  };
  try {
    for (const profile of await instanceProfilesForRole(iam, RoleName)) {
      const InstanceProfileName = profile.InstanceProfileName!;
      await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName }));
      out.removedFromInstanceProfiles.push(InstanceProfileName);
      if ((profile.Roles ?? []).every((r) => r.RoleName === RoleName)) {
        await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName }));
        out.deletedInstanceProfiles.push(InstanceProfileName);
      }
    }
    for (const p of await attachedRolePolicies(iam, RoleName)) {
      await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn! }));
      out.detachedPolicies.push(p.PolicyName!);
    }
    for (const PolicyName of await rolePolicyNames(iam, RoleName)) {
      await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }));
      out.deletedInlinePolicies.push(PolicyName);
    }
    await iam.send(new DeleteRoleCommand({ RoleName }));
    return out;
  } catch (err) {
    throw fromSdkError(err);
  }
}
