import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { api, qs } from "./api";
import { userKeys } from "./users";
import { policyKeys } from "./policies";
import { groupKeys } from "./groups";
import type { AccessKeySummary, MfaDeviceSummary, UserDetail, UserGroupMembership } from "@/lib/server/services/user-detail";
import type { UserPermissions } from "@/lib/server/services/user-permissions";
import type { ConsolePassword, NewAccessKey, NewVirtualMfaDevice } from "@/lib/server/services/user-credentials";
import type {
  EnableConsoleAccessInput,
  EnableMfaDeviceInput,
  PolicyDocumentQuery,
  PutUserPolicyInput,
  UpdateConsoleAccessInput,
} from "@/lib/schemas/user-detail";

export type {
  AccessKeySummary,
  MfaDeviceSummary,
  UserDetail,
  UserGroupMembership,
  UserPermissions,
  ConsolePassword,
  NewAccessKey,
  NewVirtualMfaDevice,
};

/** Every key of one user's page sits under userKeys.detail(name), so a mutation refreshes the whole page at once. */
export const userDetailKeys = {
  all: (name: string) => userKeys.detail(name),
  summary: (name: string) => [...userKeys.detail(name), "summary"] as const,
  permissions: (name: string) => [...userKeys.detail(name), "permissions"] as const,
  document: (name: string, q: PolicyDocumentQuery) => [...userKeys.detail(name), "document", q] as const,
  groups: (name: string) => [...userKeys.detail(name), "groups"] as const,
};

const base = (name: string) => `/api/users/${encodeURIComponent(name)}`;

export const useUserDetail = (name: string) =>
  useQuery({
    queryKey: userDetailKeys.summary(name),
    queryFn: () => api<UserDetail>(`${base(name)}/summary`),
    retry: (n, e) => n < 1 && !("status" in e && e.status === 404),
  });

export const useUserPermissions = (name: string, enabled = true) =>
  useQuery({ queryKey: userDetailKeys.permissions(name), queryFn: () => api<UserPermissions>(`${base(name)}/permissions`), enabled });

export const usePermissionDocument = (name: string, q: PolicyDocumentQuery, enabled: boolean) =>
  useQuery({
    queryKey: userDetailKeys.document(name, q),
    queryFn: () => api<{ document: string }>(`${base(name)}/policy-document${qs(q as Record<string, string>)}`),
    enabled,
  });

export const useUserGroups = (name: string, enabled = true) =>
  useQuery({ queryKey: userDetailKeys.groups(name), queryFn: () => api<UserGroupMembership[]>(`${base(name)}/groups`), enabled });

/** A mutation on the user that refreshes the user's page, the users list and whatever else it touched. */
export function useUserMutation<V, R>(name: string, fn: (v: V) => Promise<R>, also: QueryKey[] = [], secret = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A result holding a secret leaves the cache as soon as nothing shows it any more.
    ...(secret ? { gcTime: 0 } : {}),
    onSuccess: () =>
      Promise.all(
        [userDetailKeys.all(name), userKeys.lists(), [...userKeys.all, "activity"], ...also].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useAttachUserPolicies = (name: string) =>
  useUserMutation(name, (policyArns: string[]) => api(`${base(name)}/attached-policies`, { method: "POST", body: { policyArns } }), [
    policyKeys.all,
  ]);

export const useDetachUserPolicy = (name: string) =>
  useUserMutation(name, (policyArn: string) => api(`${base(name)}/attached-policies`, { method: "DELETE", body: { policyArn } }), [
    policyKeys.all,
  ]);

export const usePutUserPolicy = (name: string) =>
  useUserMutation(name, (v: PutUserPolicyInput) => api(`${base(name)}/inline-policies`, { method: "POST", body: v }));

export const useDeleteUserPolicy = (name: string) =>
  useUserMutation(name, (policyName: string) =>
    api(`${base(name)}/inline-policies/${encodeURIComponent(policyName)}`, { method: "DELETE" }),
  );

export const usePutUserPermissionsBoundary = (name: string) =>
  useUserMutation(name, (policyArn: string) => api(`${base(name)}/permissions-boundary`, { method: "PUT", body: { policyArn } }), [
    policyKeys.all,
  ]);

export const useDeleteUserPermissionsBoundary = (name: string) =>
  useUserMutation(name, () => api(`${base(name)}/permissions-boundary`, { method: "DELETE" }), [policyKeys.all]);

export const useAddUserToGroups = (name: string) =>
  useUserMutation(name, (groupNames: string[]) => api(`${base(name)}/groups`, { method: "POST", body: { groupNames } }), [groupKeys.all]);

export const useRemoveUserFromGroup = (name: string) =>
  useUserMutation(name, (groupName: string) => api(`${base(name)}/groups/${encodeURIComponent(groupName)}`, { method: "DELETE" }), [
    groupKeys.all,
  ]);

export const useUpdateUserTags = (name: string) =>
  useUserMutation(name, (tags: { Key: string; Value: string }[]) => api(`${base(name)}/tags`, { method: "PUT", body: { tags } }));

export const useCreateLoginProfile = (name: string) =>
  useUserMutation(
    name,
    (v: EnableConsoleAccessInput) => api<ConsolePassword>(`${base(name)}/login-profile`, { method: "POST", body: v }),
    [policyKeys.all],
    true,
  );

export const useUpdateLoginProfile = (name: string) =>
  useUserMutation(
    name,
    (v: UpdateConsoleAccessInput) => api<ConsolePassword>(`${base(name)}/login-profile`, { method: "PATCH", body: v }),
    [policyKeys.all],
    true,
  );

export const useDeleteLoginProfile = (name: string) =>
  useUserMutation(name, () => api(`${base(name)}/login-profile`, { method: "DELETE" }));

export const useCreateAccessKey = (name: string) =>
  useUserMutation(
    name,
    (v: { description?: string }) => api<NewAccessKey>(`${base(name)}/access-keys`, { method: "POST", body: v }),
    [],
    true,
  );

export const useUpdateAccessKey = (name: string) =>
  useUserMutation(name, (v: { accessKeyId: string; status: "Active" | "Inactive" }) =>
    api(`${base(name)}/access-keys/${encodeURIComponent(v.accessKeyId)}`, { method: "PATCH", body: { status: v.status } }),
  );

export const useDeleteAccessKey = (name: string) =>
  useUserMutation(name, (accessKeyId: string) => api(`${base(name)}/access-keys/${encodeURIComponent(accessKeyId)}`, { method: "DELETE" }));

/** Creating the device touches no cached query: it is not the user's until EnableMFADevice. */
export const useCreateVirtualMfaDevice = (name: string) =>
  useMutation({
    mutationFn: (deviceName: string) =>
      api<NewVirtualMfaDevice>(`${base(name)}/mfa/virtual-devices`, { method: "POST", body: { deviceName } }),
    gcTime: 0,
  });

export const useDeleteVirtualMfaDevice = (name: string) =>
  useMutation({
    mutationFn: (serialNumber: string) => api(`${base(name)}/mfa/virtual-devices`, { method: "DELETE", body: { serialNumber } }),
  });

export const useEnableMfaDevice = (name: string) =>
  useUserMutation(name, (v: EnableMfaDeviceInput) => api(`${base(name)}/mfa`, { method: "POST", body: v }));

export const useRemoveMfaDevice = (name: string) =>
  useUserMutation(name, (serialNumber: string) => api(`${base(name)}/mfa`, { method: "DELETE", body: { serialNumber } }));
