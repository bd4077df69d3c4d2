import "server-only";
import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUsersCommand,
  type User,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { allPages as allMarkerPages, MAX_ITEMS, nextMarker } from "./paging";
import { listSnapshot } from "./list-snapshot";
import { pageOf, type ListPage } from "@/lib/lists/page";
import type { ListPageInput } from "@/lib/schemas/list-page";

export type UserSummary = { userName: string; userId: string; arn: string; path: string; createDate: string; passwordLastUsed?: string };

export type UserActivity = {
  userName: string;
  groups: string[];
  passwordEnabled: boolean;
  passwordCreated?: string;
  oldestActiveKeyCreated?: string;
  lastActivity?: string;
};

const iso = (d?: Date) => (d ? d.toISOString() : undefined);

export const toUserSummary = (u: User): UserSummary => ({
  userName: u.UserName!,
  userId: u.UserId!,
  arn: u.Arn!,
  path: u.Path!,
  createDate: u.CreateDate!.toISOString(),
  passwordLastUsed: iso(u.PasswordLastUsed),
});

/** Every user in the account, read through ListUsers to the last page. */
export async function listUsers({ principal }: { principal: Principal }): Promise<UserSummary[]> {
  const iam = iamClient(principal);
  try {
    const users = await allMarkerPages(async (Marker) => {
      const r = await iam.send(new ListUsersCommand({ Marker, MaxItems: MAX_ITEMS }));
      return { items: r.Users, marker: nextMarker(r) };
    });
    return users.map(toUserSummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** One page of the Users table: searched by name or ARN, sorted and paged on the server over the account's snapshot. */
export async function listUsersPage({ principal, input }: { principal: Principal; input: ListPageInput }): Promise<ListPage<UserSummary>> {
  const { items: users, ageMs } = await listSnapshot(principal, "users", () => listUsers({ principal }), input.fresh);
  return {
    ...pageOf(users, input, {
      searchText: (u) => [u.userName, u.arn],
      sortBy: { userName: (u) => u.userName, path: (u) => u.path, createDate: (u) => u.createDate },
    }),
    ageMs,
  };
}

/** The Users table's per-row columns (groups, password and key ages, last activity), for the visible page only. */
export async function listUserActivity({
  principal,
  input,
}: {
  principal: Principal;
  input: { userNames: string[] };
}): Promise<UserActivity[]> {
  const iam = iamClient(principal);
  try {
    return await Promise.all(
      input.userNames.map(async (userName) => {
        const [groups, profile, keys] = await Promise.all([
          iam.send(new ListGroupsForUserCommand({ UserName: userName })),
          iam
            .send(new GetLoginProfileCommand({ UserName: userName }))
            .catch((e) => (e.name === "NoSuchEntityException" ? undefined : Promise.reject(e))),
          iam.send(new ListAccessKeysCommand({ UserName: userName })),
        ]);
        const active = (keys.AccessKeyMetadata ?? []).filter((k) => k.Status === "Active");
        const used = await Promise.all(active.map((k) => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId! }))));
        const dates = used.map((u) => u.AccessKeyLastUsed?.LastUsedDate).filter((d): d is Date => !!d);
        const oldest = active.map((k) => k.CreateDate!).sort((a, b) => a.getTime() - b.getTime())[0];
        return {
          userName,
          groups: (groups.Groups ?? []).map((g) => g.GroupName!),
          passwordEnabled: !!profile,
          passwordCreated: iso(profile?.LoginProfile?.CreateDate),
          oldestActiveKeyCreated: iso(oldest),
          lastActivity: iso(dates.sort((a, b) => b.getTime() - a.getTime())[0]),
        };
      }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Every item of a Marker-paged IAM list, for the few per-user lists that are short but may still be paged. */
export async function allPages<T>(
  fetch: (marker: string | undefined) => Promise<{ items?: T[]; marker?: string; truncated?: boolean }>,
): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const r = await fetch(marker);
    out.push(...(r.items ?? []));
    marker = r.truncated ? r.marker : undefined;
  } while (marker);
  return out;
}

export type PermissionsToCopy = {
  userName: string;
  groups: string[];
  attachedPolicies: { policyName: string; policyArn: string }[];
  permissionsBoundary?: string;
};

/** What "Copy permissions" copies from a user, as the AWS console: groups, attached managed policies, boundary. */
export async function getPermissionsToCopy({
  principal,
  input,
}: {
  principal: Principal;
  input: { userName: string };
}): Promise<PermissionsToCopy> {
  const iam = iamClient(principal);
  const UserName = input.userName;
  try {
    const [user, groups, attached] = await Promise.all([
      iam.send(new GetUserCommand({ UserName })),
      allPages((Marker) =>
        iam
          .send(new ListGroupsForUserCommand({ UserName, Marker }))
          .then((r) => ({ items: r.Groups, marker: r.Marker, truncated: r.IsTruncated })),
      ),
      allPages((Marker) =>
        iam
          .send(new ListAttachedUserPoliciesCommand({ UserName, Marker }))
          .then((r) => ({ items: r.AttachedPolicies, marker: r.Marker, truncated: r.IsTruncated })),
      ),
    ]);
    return {
      userName: user.User!.UserName!,
      groups: groups.map((g) => g.GroupName!),
      attachedPolicies: attached.map((p) => ({ policyName: p.PolicyName!, policyArn: p.PolicyArn! })),
      permissionsBoundary: user.User!.PermissionsBoundary?.PermissionsBoundaryArn,
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}
