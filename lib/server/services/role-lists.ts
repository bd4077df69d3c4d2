import "server-only";
import {
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  type IAMClient,
  type InstanceProfile,
} from "@aws-sdk/client-iam";

async function all<T>(page: (marker: string | undefined) => Promise<{ items: T[]; marker?: string }>): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const r = await page(marker);
    out.push(...r.items);
    marker = r.marker;
  } while (marker);
  return out;
}

export const attachedRolePolicies = (iam: IAMClient, RoleName: string) =>
  all(async (Marker) => {
    const r = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName, Marker }));
    return { items: r.AttachedPolicies ?? [], marker: r.IsTruncated ? r.Marker : undefined };
  });

export const rolePolicyNames = (iam: IAMClient, RoleName: string) =>
  all(async (Marker) => {
    const r = await iam.send(new ListRolePoliciesCommand({ RoleName, Marker }));
    return { items: r.PolicyNames ?? [], marker: r.IsTruncated ? r.Marker : undefined };
  });

export const instanceProfilesForRole = (iam: IAMClient, RoleName: string): Promise<InstanceProfile[]> =>
  all(async (Marker) => {
    const r = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName, Marker }));
    return { items: r.InstanceProfiles ?? [], marker: r.IsTruncated ? r.Marker : undefined };
  });
