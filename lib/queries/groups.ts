import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { policyKeys } from "./policies";
import { userKeys } from "./users";
import type { CreateGroupInput, InlinePolicyInput } from "@/lib/schemas/groups";
import type { GroupDetail, GroupInlinePolicy, GroupPermissions, GroupSummary } from "@/lib/server/services/groups";
import type { UserSummary } from "@/lib/server/services/users";

export const groupKeys = {
  all: ["groups"] as const,
  /** Every page of the account's group list (`/api/groups` filters, sorts and pages on the server). */
  lists: () => [...groupKeys.all, "list"] as const,
  detail: (name: string) => [...groupKeys.all, "detail", name] as const,
  /** The group's whole member list, filtered, sorted and paged in the browser. */
  users: (name: string) => [...groupKeys.detail(name), "users"] as const,
  permissions: (name: string) => [...groupKeys.detail(name), "permissions"] as const,
  inlinePolicy: (name: string, policyName: string) => [...groupKeys.detail(name), "inline", policyName] as const,
};

const groupUrl = (name: string, rest = "") => `/api/groups/${encodeURIComponent(name)}${rest}`;

export const GROUPS_URL = "/api/groups";
export const fetchGroup = (name: string) => api<GroupDetail>(groupUrl(name));

export const useGroup = (name: string) => useQuery({ queryKey: groupKeys.detail(name), queryFn: () => fetchGroup(name), retry: false });

/** The table's per-row columns (users, permissions), for the visible page only, as the AWS console loads them. */
export const useGroupDetails = (names: string[]) =>
  useQueries({ queries: names.map((name) => ({ queryKey: groupKeys.detail(name), queryFn: () => fetchGroup(name) })) });

export const useGroupUsers = (name: string) =>
  useQuery({ queryKey: groupKeys.users(name), queryFn: () => api<UserSummary[]>(groupUrl(name, "/users")) });

export const useGroupPermissions = (name: string) =>
  useQuery({ queryKey: groupKeys.permissions(name), queryFn: () => api<GroupPermissions>(groupUrl(name, "/policies")) });

export const useGroupInlinePolicy = (name: string, policyName: string | undefined) =>
  useQuery({
    queryKey: groupKeys.inlinePolicy(name, policyName ?? ""),
    queryFn: () => api<GroupInlinePolicy>(groupUrl(name, `/inline-policies/${encodeURIComponent(policyName!)}`)),
    enabled: !!policyName,
    retry: false,
  });

export const createGroup = (input: CreateGroupInput) => api<GroupSummary>("/api/groups", { method: "POST", body: input });
export const deleteGroup = (name: string) => api<{ groupName: string }>(groupUrl(name), { method: "DELETE" });

/**
 * Group writes change the users' Groups column and the policies' attachment counts too. Deleted groups' own queries
 * are only marked stale, not refetched: that would just fail with NoSuchEntity while the page moves on.
 */
export async function invalidateAfterGroupWrite(client: QueryClient, deleted: string[] = []) {
  const gone = (key: readonly unknown[]) => key[0] === "groups" && key[1] === "detail" && deleted.includes(key[2] as string);
  await Promise.all([
    client.invalidateQueries({ queryKey: groupKeys.all, predicate: (q) => !gone(q.queryKey) }),
    client.invalidateQueries({ queryKey: groupKeys.all, predicate: (q) => gone(q.queryKey), refetchType: "none" }),
    client.invalidateQueries({ queryKey: userKeys.all }),
    client.invalidateQueries({ queryKey: policyKeys.all }),
  ]);
}

function useGroupMutation<V, R>(fn: (v: V) => Promise<R>, deleted?: (v: V) => string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_data, error, v) => invalidateAfterGroupWrite(client, error || !deleted ? [] : deleted(v)),
  });
}

export const useCreateGroup = () => useGroupMutation(createGroup);
export const useDeleteGroup = () => useGroupMutation(deleteGroup, (name) => [name]);

export const useAddUsersToGroup = (name: string) =>
  useGroupMutation((userNames: string[]) => api<{ added: string[] }>(groupUrl(name, "/users"), { method: "POST", body: { userNames } }));

export const useRemoveUsersFromGroup = (name: string) =>
  useGroupMutation((userNames: string[]) =>
    api<{ removed: string[] }>(groupUrl(name, "/users"), { method: "DELETE", body: { userNames } }),
  );

export const useAttachGroupPolicies = (name: string) =>
  useGroupMutation((policyArns: string[]) =>
    api<{ attached: string[] }>(groupUrl(name, "/attached-policies"), { method: "POST", body: { policyArns } }),
  );

export const useDetachGroupPolicies = (name: string) =>
  useGroupMutation((policyArns: string[]) =>
    api<{ detached: string[] }>(groupUrl(name, "/attached-policies"), { method: "DELETE", body: { policyArns } }),
  );

/** PutGroupPolicy: `existing` replaces that inline policy's document, otherwise a new one is created. */
export const usePutGroupPolicy = (name: string, existing?: string) =>
  useGroupMutation((input: InlinePolicyInput) =>
    existing
      ? api(groupUrl(name, `/inline-policies/${encodeURIComponent(existing)}`), {
          method: "PUT",
          body: { policyDocument: input.policyDocument },
        })
      : api(groupUrl(name, "/inline-policies"), { method: "POST", body: input }),
  );

export const useDeleteGroupPolicy = (name: string) =>
  useGroupMutation((policyName: string) => api(groupUrl(name, `/inline-policies/${encodeURIComponent(policyName)}`), { method: "DELETE" }));
