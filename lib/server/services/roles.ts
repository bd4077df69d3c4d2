import "server-only";
import { ListRolesCommand, type Role } from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";
import { listSnapshot } from "./list-snapshot";
import { pageOf, type ListPage } from "@/lib/lists/page";
import type { ListPageInput } from "@/lib/schemas/list-page";

export type RoleSummary = {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  description?: string;
  maxSessionDuration: number;
  createDate: string;
  trustedEntities: string[];
  /** AWS created it for a service (path /aws-service-role/...): only that service edits it, DeleteServiceLinkedRole deletes it. */
  serviceLinked: boolean;
};

export const isServiceLinked = (path: string | undefined) => !!path?.startsWith("/aws-service-role/");

/**
 * "AWS Service: lambda", "Account: 123456789012", as the console's Roles table shows them; a service-linked role's
 * service reads "AWS Service: elasticbeanstalk (Service-Linked Role)".
 */
export function trustedEntities(encodedTrustPolicy: string | undefined, serviceLinked = false): string[] {
  if (!encodedTrustPolicy) return [];
  try {
    const doc = JSON.parse(decodeURIComponent(encodedTrustPolicy));
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const out = new Set<string>();
    for (const s of statements) {
      for (const [kind, v] of Object.entries((s?.Principal ?? {}) as Record<string, string | string[]>)) {
        for (const p of Array.isArray(v) ? v : [v]) {
          if (kind === "Service")
            out.add(`AWS Service: ${p.replace(/\.amazonaws\.com$/, "")}${serviceLinked ? " (Service-Linked Role)" : ""}`);
          else if (kind === "AWS") out.add(/^\d{12}$/.test(p) ? `Account: ${p}` : p.endsWith(":root") ? `Account: ${p.split(":")[4]}` : p);
          else out.add(`${kind}: ${p}`);
        }
      }
    }
    return [...out];
  } catch {
    return [];
  }
}

export const toRoleSummary = (r: Role): RoleSummary => ({
  roleName: r.RoleName!,
  roleId: r.RoleId!,
  arn: r.Arn!,
  path: r.Path!,
  description: r.Description,
  maxSessionDuration: r.MaxSessionDuration ?? 3600,
  createDate: r.CreateDate!.toISOString(),
  trustedEntities: trustedEntities(r.AssumeRolePolicyDocument, isServiceLinked(r.Path)),
  serviceLinked: isServiceLinked(r.Path),
});

/** Every role in the account, read through ListRoles to the last page (service-linked roles included, as AWS lists them). */
export async function listRoles({ principal }: { principal: Principal }): Promise<RoleSummary[]> {
  const iam = iamClient(principal);
  try {
    const roles = await allPages(async (Marker) => {
      const r = await iam.send(new ListRolesCommand({ Marker, MaxItems: MAX_ITEMS }));
      return { items: r.Roles, marker: nextMarker(r) };
    });
    return roles.map(toRoleSummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** One page of the Roles table: searched by name or description, sorted and paged on the server over the account's snapshot. */
export async function listRolesPage({ principal, input }: { principal: Principal; input: ListPageInput }): Promise<ListPage<RoleSummary>> {
  const { items: roles, ageMs } = await listSnapshot(principal, "roles", () => listRoles({ principal }), input.fresh);
  return {
    ...pageOf(roles, input, {
      searchText: (r) => [r.roleName, r.description],
      sortBy: { roleName: (r) => r.roleName, createDate: (r) => r.createDate },
    }),
    ageMs,
  };
}
