import "server-only";
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { createRoleSchema } from "@/lib/schemas/roles";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { toRoleSummary, type RoleSummary } from "./roles";
import { enforceAccessChecks } from "./access-checks";

export type CreatedRole = RoleSummary & { instanceProfileArn?: string };

/**
 * What the console's "Create role" does: CreateRole, AttachRolePolicy for each policy and, for EC2, an instance
 * profile of the same name holding the role. A failure undoes the steps already done, so nothing is half-written.
 */
export async function createRole({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof createRoleSchema>;
}): Promise<CreatedRole> {
  const iam = iamClient(principal);
  const RoleName = input.roleName;
  const undo: (() => Promise<unknown>)[] = [];
  await enforceAccessChecks(principal, input.assumeRolePolicyDocument, "trust");
  try {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName,
        Path: input.path,
        Description: input.description || undefined,
        AssumeRolePolicyDocument: input.assumeRolePolicyDocument,
        MaxSessionDuration: input.maxSessionDuration,
        PermissionsBoundary: input.permissionsBoundary,
        Tags: input.tags.length ? input.tags : undefined,
      }),
    );
    undo.push(() => iam.send(new DeleteRoleCommand({ RoleName })));
    for (const PolicyArn of input.policyArns) {
      await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn }));
      undo.push(() => iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn })));
    }
    let instanceProfileArn: string | undefined;
    if (input.instanceProfile) {
      const profile = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: RoleName, Path: input.path }));
      undo.push(() => iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: RoleName })));
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: RoleName, RoleName }));
      undo.push(() => iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: RoleName, RoleName })));
      instanceProfileArn = profile.InstanceProfile?.Arn;
    }
    return { ...toRoleSummary(created.Role!), instanceProfileArn };
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw fromSdkError(err);
  }
}
