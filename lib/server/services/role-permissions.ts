import "server-only";
import {
  AttachRolePolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRolePolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type {
  inlinePolicyNameSchema,
  inlinePolicySchema,
  permissionsBoundarySchema,
  policyArnSchema,
  policyArnsSchema,
} from "@/lib/schemas/roles";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { prettyPolicy } from "./role-detail";
import { attachedRolePolicies, rolePolicyNames } from "./role-lists";
import { enforceAccessChecks } from "./access-checks";

type RoleParams = { principal: Principal; params: { roleName: string } };

export type RolePermission =
  | { kind: "managed"; policyName: string; policyArn: string; type: "AWS managed" | "Customer managed" }
  | { kind: "inline"; policyName: string; document: string };

const run = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    throw fromSdkError(err);
  }
};

/** The Permissions tab: managed policies attached to the role, then its inline policies with their documents. */
export const listRolePermissions = ({ principal, params }: RoleParams): Promise<RolePermission[]> =>
  run(async () => {
    const iam = iamClient(principal);
    const RoleName = params.roleName;
    const [attached, names] = await Promise.all([attachedRolePolicies(iam, RoleName), rolePolicyNames(iam, RoleName)]);
    const inline = await Promise.all(names.map((PolicyName) => iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))));
    return [
      ...attached.map((p): RolePermission => ({
        kind: "managed",
        policyName: p.PolicyName!,
        policyArn: p.PolicyArn!,
        type: p.PolicyArn!.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed",
      })),
      ...inline.map((p): RolePermission => ({ kind: "inline", policyName: p.PolicyName!, document: prettyPolicy(p.PolicyDocument) })),
    ];
  });

/** "Add permissions → Attach policies": AttachRolePolicy for each; stops at AWS's first error (e.g. LimitExceeded). */
export const attachRolePolicies = ({ principal, params, input }: RoleParams & { input: z.infer<typeof policyArnsSchema> }) =>
  run(async () => {
    const iam = iamClient(principal);
    for (const PolicyArn of input.policyArns) await iam.send(new AttachRolePolicyCommand({ RoleName: params.roleName, PolicyArn }));
    return { attached: input.policyArns.length };
  });

export const detachRolePolicy = ({ principal, params, input }: RoleParams & { input: z.infer<typeof policyArnSchema> }) =>
  run(() =>
    iamClient(principal)
      .send(new DetachRolePolicyCommand({ RoleName: params.roleName, PolicyArn: input.policyArn }))
      .then(() => ({ ok: true })),
  );

export const putRolePolicy = ({ principal, params, input }: RoleParams & { input: z.infer<typeof inlinePolicySchema> }) =>
  run(async () => {
    await enforceAccessChecks(principal, input.policyDocument, "identity");
    await iamClient(principal).send(
      new PutRolePolicyCommand({ RoleName: params.roleName, PolicyName: input.policyName, PolicyDocument: input.policyDocument }),
    );
    return { ok: true };
  });

export const deleteRolePolicy = ({ principal, params, input }: RoleParams & { input: z.infer<typeof inlinePolicyNameSchema> }) =>
  run(() =>
    iamClient(principal)
      .send(new DeleteRolePolicyCommand({ RoleName: params.roleName, PolicyName: input.policyName }))
      .then(() => ({ ok: true })),
  );

export const putRolePermissionsBoundary = ({
  principal,
  params,
  input,
}: RoleParams & { input: z.infer<typeof permissionsBoundarySchema> }) =>
  run(() =>
    iamClient(principal)
      .send(new PutRolePermissionsBoundaryCommand({ RoleName: params.roleName, PermissionsBoundary: input.permissionsBoundary }))
      .then(() => ({ ok: true })),
  );

export const deleteRolePermissionsBoundary = ({ principal, params }: RoleParams) =>
  run(() =>
    iamClient(principal)
      .send(new DeleteRolePermissionsBoundaryCommand({ RoleName: params.roleName }))
      .then(() => ({ ok: true })),
  );
