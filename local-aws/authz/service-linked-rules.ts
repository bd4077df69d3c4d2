import type { Ctx } from "../context";
import { serviceLinkedPath, serviceLinkedRoleName } from "../iam/service-linked-roles";
import { on } from "./checks";
import * as t from "./targets";
import type { ActionRule } from "./actions";

/** The role a service-linked role action names, by its ARN (the Service Authorization Reference's `role` resource). */
function linkedRole(ctx: Ctx, service: string, name: string): t.Target {
  const roleArn = `arn:aws:iam::${ctx.accountId}:role${serviceLinkedPath(service)}${name}`;
  return { arn: roleArn, display: roleArn };
}

/** A deletion task ID names the service and the role: task/aws-service-role/<service>/<role name>/<UUID>. */
function taskRole(ctx: Ctx, taskId: string | undefined): t.Target {
  const m = /^task\/aws-service-role\/([^/]+)\/([^/]+)\//.exec(taskId ?? "");
  return m ? linkedRole(ctx, m[1], m[2]) : linkedRole(ctx, "*", "*");
}

export const serviceLinkedRoleRules: Record<string, ActionRule> = {
  CreateServiceLinkedRole: (i, ctx) => [
    on("CreateServiceLinkedRole", linkedRole(ctx, i.AWSServiceName, serviceLinkedRoleName(i.AWSServiceName, i.CustomSuffix) ?? ""), {
      "iam:AWSServiceName": i.AWSServiceName,
    }),
  ],
  DeleteServiceLinkedRole: (i, ctx) => [on("DeleteServiceLinkedRole", t.role(ctx, i.RoleName))],
  GetServiceLinkedRoleDeletionStatus: (i, ctx) => [on("GetServiceLinkedRoleDeletionStatus", taskRole(ctx, i.DeletionTaskId))],
};
