import "server-only";
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListEntitiesForPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { detachPolicySchema, policyEntitySchema, PolicyEntityType } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { checkPolicyArn } from "./policies";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";

export type PolicyEntity = {
  entityType: PolicyEntityType;
  entityName: string;
  entityId: string;
  attachedAs: "PermissionsPolicy" | "PermissionsBoundary";
};

type Usage = PolicyEntity["attachedAs"];
type Ctx = { principal: Principal; policyArn: string };

/** Every entity using the policy one way (ListEntitiesForPolicy filtered by use), to the last page. */
async function entitiesUsing(iam: IAMClient, PolicyArn: string, usage: Usage): Promise<PolicyEntity[]> {
  return allPages(async (Marker) => {
    const r = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn, PolicyUsageFilter: usage, Marker, MaxItems: MAX_ITEMS }));
    const items: PolicyEntity[] = [
      ...(r.PolicyUsers ?? []).map((u) => ({ entityType: "User" as const, entityName: u.UserName!, entityId: u.UserId! })),
      ...(r.PolicyGroups ?? []).map((g) => ({ entityType: "Group" as const, entityName: g.GroupName!, entityId: g.GroupId! })),
      ...(r.PolicyRoles ?? []).map((x) => ({ entityType: "Role" as const, entityName: x.RoleName!, entityId: x.RoleId! })),
    ].map((e) => ({ ...e, attachedAs: usage }));
    return { items, marker: nextMarker(r) };
  });
}

/** The users, groups and roles using the policy, as a permissions policy and as a permissions boundary: the whole list. */
export async function listEntitiesForPolicy({ principal, policyArn }: Ctx): Promise<PolicyEntity[]> {
  const arn = checkPolicyArn(policyArn);
  const iam = iamClient(principal);
  try {
    const [policies, boundaries] = await Promise.all([
      entitiesUsing(iam, arn, "PermissionsPolicy"),
      entitiesUsing(iam, arn, "PermissionsBoundary"),
    ]);
    return [...policies, ...boundaries];
  } catch (err) {
    throw fromSdkError(err);
  }
}

type Send = (iam: IAMClient, PolicyArn: string, name: string) => Promise<unknown>;

const attach: Record<PolicyEntityType, Send> = {
  User: (iam, PolicyArn, UserName) => iam.send(new AttachUserPolicyCommand({ PolicyArn, UserName })),
  Group: (iam, PolicyArn, GroupName) => iam.send(new AttachGroupPolicyCommand({ PolicyArn, GroupName })),
  Role: (iam, PolicyArn, RoleName) => iam.send(new AttachRolePolicyCommand({ PolicyArn, RoleName })),
};

const detach: Record<PolicyEntityType, Send> = {
  User: (iam, PolicyArn, UserName) => iam.send(new DetachUserPolicyCommand({ PolicyArn, UserName })),
  Group: (iam, PolicyArn, GroupName) => iam.send(new DetachGroupPolicyCommand({ PolicyArn, GroupName })),
  Role: (iam, PolicyArn, RoleName) => iam.send(new DetachRolePolicyCommand({ PolicyArn, RoleName })),
};

/** Attach{User,Group,Role}Policy for one entity; the console calls it once per selected entity. */
export async function attachPolicy({ principal, policyArn, input }: Ctx & { input: z.infer<typeof policyEntitySchema> }): Promise<void> {
  const arn = checkPolicyArn(policyArn);
  try {
    await attach[input.entityType](iamClient(principal), arn, input.entityName);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Detach{User,Group,Role}Policy, or Delete{User,Role}PermissionsBoundary when the policy is the entity's boundary. */
export async function detachPolicy({ principal, policyArn, input }: Ctx & { input: z.infer<typeof detachPolicySchema> }): Promise<void> {
  const arn = checkPolicyArn(policyArn);
  const iam = iamClient(principal);
  try {
    if (input.attachedAs === "PermissionsBoundary") {
      if (input.entityType === "Group") throw new ServiceError("ValidationError", "Groups can't have a permissions boundary.", 422);
      await (input.entityType === "User"
        ? iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: input.entityName }))
        : iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: input.entityName })));
      return;
    }
    await detach[input.entityType](iam, arn, input.entityName);
  } catch (err) {
    throw fromSdkError(err);
  }
}
