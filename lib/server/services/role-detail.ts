import "server-only";
import { GetRoleCommand, ListAccountAliasesCommand, ListInstanceProfilesForRoleCommand } from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { serverEnv } from "../env";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { roleNameWithPath, suggestedDisplayName, switchRoleHref } from "@/lib/switch-role";
import { toRoleSummary, type RoleSummary } from "./roles";

export type RoleTag = { Key: string; Value: string };

export type RoleDetail = RoleSummary & {
  accountId: string;
  /** The trust policy, decoded and indented as the console shows it. */
  assumeRolePolicyDocument: string;
  permissionsBoundary?: { arn: string; type: string };
  tags: RoleTag[];
  lastUsed?: { date: string; region?: string };
  instanceProfiles: { name: string; arn: string }[];
  /** "Link to switch roles in console": this console's Switch role page in local mode, AWS's sign-in link in AWS mode. */
  switchRoleUrl: string;
};

export type RoleLastUsed = { roleName: string; lastUsed?: { date: string; region?: string } };

export function prettyPolicy(encoded: string | undefined): string {
  if (!encoded) return "";
  const text = decodeURIComponent(encoded);
  try {
    return JSON.stringify(JSON.parse(text), null, 4);
  } catch {
    return text;
  }
}

/**
 * The link that opens Switch role for this role, its account named by alias when it has one, its name with its path
 * (job-function/dev). AWS's own (signin.aws.amazon.com knows nothing of local-aws's accounts), or this console's page,
 * pre-filled as AWS's link fills its own.
 */
function switchRoleUrl(path: string | undefined, roleName: string, account: string): string {
  const env = serverEnv();
  const name = roleNameWithPath(path, roleName);
  if (env.backend === "aws") {
    // A path's slashes stay as AWS writes them: roleName=job-function/dev.
    const roleParam = encodeURIComponent(name).replace(/%2F/g, "/");
    return `https://signin.aws.amazon.com/switchrole?roleName=${roleParam}&account=${encodeURIComponent(account)}`;
  }
  return switchRoleHref(`${env.consoleOrigin}/switch-role`, { account, roleName: name, displayName: suggestedDisplayName(name, account) });
}

/** GetRole, the role's instance profiles and the account alias for the "switch roles" link. */
export async function getRole({ principal, params }: { principal: Principal; params: { roleName: string } }): Promise<RoleDetail> {
  const iam = iamClient(principal);
  try {
    const [r, profiles, aliases] = await Promise.all([
      iam.send(new GetRoleCommand({ RoleName: params.roleName })),
      iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: params.roleName })),
      iam.send(new ListAccountAliasesCommand({})).catch(() => undefined),
    ]);
    const role = r.Role!;
    const accountId = role.Arn!.split(":")[4];
    const last = role.RoleLastUsed?.LastUsedDate;
    return {
      ...toRoleSummary(role),
      accountId,
      assumeRolePolicyDocument: prettyPolicy(role.AssumeRolePolicyDocument),
      permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn
        ? { arn: role.PermissionsBoundary.PermissionsBoundaryArn, type: role.PermissionsBoundary.PermissionsBoundaryType ?? "Policy" }
        : undefined,
      tags: (role.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? "" })),
      lastUsed: last ? { date: last.toISOString(), region: role.RoleLastUsed?.Region } : undefined,
      instanceProfiles: (profiles.InstanceProfiles ?? []).map((p) => ({ name: p.InstanceProfileName!, arn: p.Arn! })),
      switchRoleUrl: switchRoleUrl(role.Path, role.RoleName!, aliases?.AccountAliases?.[0] ?? accountId),
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** The Roles table's "Last activity" column: ListRoles omits RoleLastUsed, so each visible row asks GetRole. */
export async function getRoleLastUsed({
  principal,
  params,
}: {
  principal: Principal;
  params: { roleName: string };
}): Promise<RoleLastUsed> {
  try {
    const r = await iamClient(principal).send(new GetRoleCommand({ RoleName: params.roleName }));
    const last = r.Role?.RoleLastUsed?.LastUsedDate;
    return { roleName: params.roleName, lastUsed: last ? { date: last.toISOString(), region: r.Role?.RoleLastUsed?.Region } : undefined };
  } catch (err) {
    throw fromSdkError(err);
  }
}
