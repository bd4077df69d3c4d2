import "server-only";
import { DeleteServiceLinkedRoleCommand, GetServiceLinkedRoleDeletionStatusCommand } from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import type { DeletionStatusInput } from "@/lib/schemas/roles";

export type DeletionTask = { deletionTaskId: string };
export type DeletionStatus = {
  status: "SUCCEEDED" | "IN_PROGRESS" | "FAILED" | "NOT_STARTED";
  reason?: string;
  roleUsage: { region?: string; resources: string[] }[];
};

/** DeleteServiceLinkedRole: submits the deletion task, as the console's Delete does for a service-linked role. */
export async function deleteServiceLinkedRole({
  principal,
  params,
}: {
  principal: Principal;
  params: { roleName: string };
}): Promise<DeletionTask> {
  try {
    const out = await iamClient(principal).send(new DeleteServiceLinkedRoleCommand({ RoleName: params.roleName }));
    return { deletionTaskId: out.DeletionTaskId! };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** GetServiceLinkedRoleDeletionStatus, with the resources still using the role when the task failed. */
export async function getDeletionStatus({
  principal,
  input,
}: {
  principal: Principal;
  input: DeletionStatusInput;
}): Promise<DeletionStatus> {
  try {
    const out = await iamClient(principal).send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: input.taskId }));
    return {
      status: out.Status!,
      reason: out.Reason?.Reason,
      roleUsage: (out.Reason?.RoleUsageList ?? []).map((u) => ({ region: u.Region, resources: u.Resources ?? [] })),
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}
