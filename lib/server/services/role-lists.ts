import "server-only";
import {
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  type IAMClient,
  type InstanceProfile,
} from "@aws-sdk/client-iam";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";

export const attachedRolePolicies = (iam: IAMClient, RoleName: string) =>
  allPages(async (Marker) => {
    const r = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName, Marker, MaxItems: MAX_ITEMS }));
    return { items: r.AttachedPolicies, marker: nextMarker(r) };
  });

export const rolePolicyNames = (iam: IAMClient, RoleName: string) =>
  allPages(async (Marker) => {
    const r = await iam.send(new ListRolePoliciesCommand({ RoleName, Marker, MaxItems: MAX_ITEMS }));
    return { items: r.PolicyNames, marker: nextMarker(r) };
  });

export const instanceProfilesForRole = (iam: IAMClient, RoleName: string): Promise<InstanceProfile[]> =>
  allPages(async (Marker) => {
    const r = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName, Marker, MaxItems: MAX_ITEMS }));
    return { items: r.InstanceProfiles, marker: nextMarker(r) };
  });
