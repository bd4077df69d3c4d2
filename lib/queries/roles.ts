import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { policyKeys } from "./policies";
import type { RoleSummary } from "@/lib/server/services/roles";
import type { RoleDetail, RoleLastUsed, RoleTag } from "@/lib/server/services/role-detail";
import type { CreatedRole } from "@/lib/server/services/role-create";
import type { DeletedRole } from "@/lib/server/services/role-delete";
import type { RolePermission } from "@/lib/server/services/role-permissions";
import type { DeletionStatus, DeletionTask } from "@/lib/server/services/role-service-linked";
import type { CreateRoleInput, UpdateRoleInput } from "@/lib/schemas/roles";

export type { CreatedRole, DeletedRole, DeletionStatus, DeletionTask, RoleDetail, RolePermission, RoleSummary, RoleTag };

export const roleKeys = {
  all: ["roles"] as const,
  /** Every page of the account's role list (`/api/roles` filters, sorts and pages on the server). */
  lists: () => [...roleKeys.all, "list"] as const,
  detail: (name: string) => [...roleKeys.all, "detail", name] as const,
  lastUsed: (name: string) => [...roleKeys.all, "last-used", name] as const,
  permissions: (name: string) => [...roleKeys.detail(name), "permissions"] as const,
};

const rolePath = (name: string, sub = "") => `/api/roles/${encodeURIComponent(name)}${sub}`;

export const ROLES_URL = "/api/roles";

export const fetchRole = (name: string) => api<RoleDetail>(rolePath(name));

export const useRole = (name: string) => useQuery({ queryKey: roleKeys.detail(name), queryFn: () => fetchRole(name), retry: false });

/** "Last activity" for the visible rows only (ListRoles does not return it). */
export const useRolesLastUsed = (names: string[]) =>
  useQueries({
    queries: names.map((name) => ({ queryKey: roleKeys.lastUsed(name), queryFn: () => api<RoleLastUsed>(rolePath(name, "/last-used")) })),
  });

export const useRolePermissions = (name: string) =>
  useQuery({ queryKey: roleKeys.permissions(name), queryFn: () => api<RolePermission[]>(rolePath(name, "/permissions")) });

/** Every role mutation invalidates the role's detail (and its sub-keys) and the lists. */
function useRoleMutation<V, R>(name: string | ((v: V) => string), fn: (v: V) => Promise<R>, opts: { policies?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_r, v) => {
      void client.invalidateQueries({ queryKey: roleKeys.lists() });
      void client.invalidateQueries({ queryKey: roleKeys.detail(typeof name === "function" ? name(v) : name) });
      // Attachment and boundary counts shown in the policy lists change only with these.
      if (opts.policies) void client.invalidateQueries({ queryKey: policyKeys.all });
    },
  });
}

export const createRole = (input: CreateRoleInput) => api<CreatedRole>("/api/roles", { method: "POST", body: input });
export const useCreateRole = () => useRoleMutation((v: CreateRoleInput) => v.roleName, createRole, { policies: true });

export const deleteRole = (name: string) => api<DeletedRole>(rolePath(name), { method: "DELETE" });

/** A service-linked role: DeleteServiceLinkedRole submits a task; its status is read until it is done. */
export const deleteServiceLinkedRole = (name: string) => api<DeletionTask>(rolePath(name, "/service-linked-deletion"), { method: "POST" });
export const fetchDeletionStatus = (name: string, taskId: string) =>
  api<DeletionStatus>(`${rolePath(name, "/service-linked-deletion")}?${new URLSearchParams({ taskId })}`);

/** For bulk deletes that report progress themselves: call deleteRole per role, then this once. */
export function useInvalidateRoles() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: roleKeys.all }), client.invalidateQueries({ queryKey: policyKeys.all })]);
}

export const useDeleteRole = (name: string) => useRoleMutation(name, () => deleteRole(name));

export const useUpdateRole = (name: string) =>
  useRoleMutation(name, (input: UpdateRoleInput) => api<{ ok: true }>(rolePath(name), { method: "PATCH", body: input }));

export const useUpdateTrustPolicy = (name: string) =>
  useRoleMutation(name, (policyDocument: string) =>
    api<{ ok: true }>(rolePath(name, "/trust-policy"), { method: "PUT", body: { policyDocument } }),
  );

export const useAttachRolePolicies = (name: string) =>
  useRoleMutation(
    name,
    (policyArns: string[]) => api<{ attached: number }>(rolePath(name, "/permissions"), { method: "POST", body: { policyArns } }),
    { policies: true },
  );

export const useDetachRolePolicy = (name: string) =>
  useRoleMutation(
    name,
    (policyArn: string) => api<{ ok: true }>(rolePath(name, "/permissions"), { method: "DELETE", body: { policyArn } }),
    { policies: true },
  );

export const usePutRolePolicy = (name: string) =>
  useRoleMutation(name, (v: { policyName: string; policyDocument: string }) =>
    api<{ ok: true }>(rolePath(name, "/inline-policies"), { method: "PUT", body: v }),
  );

export const useDeleteRolePolicy = (name: string) =>
  useRoleMutation(name, (policyName: string) =>
    api<{ ok: true }>(rolePath(name, "/inline-policies"), { method: "DELETE", body: { policyName } }),
  );

export const usePutRolePermissionsBoundary = (name: string) =>
  useRoleMutation(
    name,
    (permissionsBoundary: string) =>
      api<{ ok: true }>(rolePath(name, "/permissions-boundary"), { method: "PUT", body: { permissionsBoundary } }),
    { policies: true },
  );

export const useDeleteRolePermissionsBoundary = (name: string) =>
  useRoleMutation(name, () => api<{ ok: true }>(rolePath(name, "/permissions-boundary"), { method: "DELETE" }), { policies: true });

export const useUpdateRoleTags = (name: string) =>
  useRoleMutation(name, (tags: RoleTag[]) => api<{ ok: true }>(rolePath(name, "/tags"), { method: "PUT", body: { tags } }));

export const useRevokeRoleSessions = (name: string) =>
  useRoleMutation(name, () => api<{ revokedBefore: string }>(rolePath(name, "/revoke-sessions"), { method: "POST" }));
