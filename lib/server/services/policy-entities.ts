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
import type { detachPolicySchema, policyEntitiesQuerySchema, policyEntitySchema, PolicyEntityType } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { checkPolicyArn } from "./policies";
import type { Page } from "./paging";

export type PolicyEntity = {
  entityType: PolicyEntityType;
  entityName: string;
  entityId: string;
  attachedAs: "PermissionsPolicy" | "PermissionsBoundary";
};

type Usage = PolicyEntity["attachedAs"];
type Ctx = { principal: Principal; policyArn: string };

async function entitiesPage(iam: IAMClient, arn: string, usage: Usage, marker: string | undefined, maxItems: number) {
  const r = await iam.send(
    new ListEntitiesForPolicyCommand({ PolicyArn: arn, PolicyUsageFilter: usage, Marker: marker, MaxItems: maxItems }),
  );
  const items: PolicyEntity[] = [
    ...(r.PolicyUsers ?? []).map((u) => ({ entityType: "User" as const, entityName: u.UserName!, entityId: u.UserId!, attachedAs: usage })),
    ...(r.PolicyGroups ?? []).map((g) => ({
      entityType: "Group" as const,
      entityName: g.GroupName!,
      entityId: g.GroupId!,
      attachedAs: usage,
    })),
    ...(r.PolicyRoles ?? []).map((x) => ({ entityType: "Role" as const, entityName: x.RoleName!, entityId: x.RoleId!, attachedAs: usage })),
  ];
  return { items, marker: r.IsTruncated ? r.Marker : undefined };
}

/**
 * The users, groups and roles using the policy: as a permissions policy first, then as a permissions boundary,
 * as one Marker-paged list. The token is `P:<marker>` or `B:<marker>` (the phase and IAM's own marker).
 */
export async function listEntitiesForPolicy({
  principal,
  policyArn,
  input,
}: Ctx & { input: z.infer<typeof policyEntitiesQuerySchema> }): Promise<Page<PolicyEntity>> {
  const arn = checkPolicyArn(policyArn);
  const iam = iamClient(principal);
  const token = input.pageToken ?? "P:";
  if (!/^[PB]:/.test(token)) throw new ServiceError("ValidationError", "Invalid page token.", 422);
  try {
    let phase: Usage = token.startsWith("B:") ? "PermissionsBoundary" : "PermissionsPolicy";
    let marker: string | undefined = token.slice(2) || undefined;
    const items: PolicyEntity[] = [];
    for (;;) {
      const r = await entitiesPage(iam, arn, phase, marker, input.pageSize - items.length);
      items.push(...r.items);
      if (r.marker) return { items, nextToken: `${phase === "PermissionsPolicy" ? "P" : "B"}:${r.marker}` };
      if (phase === "PermissionsBoundary") return { items };
      phase = "PermissionsBoundary";
      marker = undefined;
      if (items.length >= input.pageSize) {
        const peek = await entitiesPage(iam, arn, phase, undefined, 1);
        return { items, nextToken: peek.items.length ? "B:" : undefined };
      }
    }
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
