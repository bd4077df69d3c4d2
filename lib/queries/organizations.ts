import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { OrganizationTree } from "@/lib/server/services/organizations-tree";
import type {
  CreateAccountStatusDto,
  HandshakeDto,
  OrgAccountDto,
  OrganizationalUnitDto,
  OrganizationDto,
  ParentRef,
  RootDto,
} from "@/lib/server/services/organizations-shared";

export type {
  CreateAccountStatusDto,
  HandshakeDto,
  OrgAccountDto,
  OrganizationalUnitDto,
  OrganizationDto,
  OrganizationTree,
  ParentRef,
  RootDto,
};
export type AccountDetail = OrgAccountDto & { ancestors: ParentRef[] };
export type OrganizationalUnitDetail = OrganizationalUnitDto & { ancestors: ParentRef[] };

/** Every Organizations query sits under ["organizations"], so a write invalidates them all by that prefix. */
export const orgKeys = {
  all: ["organizations"] as const,
  organization: () => [...orgKeys.all, "organization"] as const,
  tree: () => [...orgKeys.all, "tree"] as const,
  roots: () => [...orgKeys.all, "roots"] as const,
  root: (id: string) => [...orgKeys.roots(), id] as const,
  unit: (id: string) => [...orgKeys.all, "unit", id] as const,
  account: (id: string) => [...orgKeys.all, "account", id] as const,
  createStatuses: (state?: string) => [...orgKeys.all, "create-account-status", "list", state ?? "ALL"] as const,
  createStatus: (requestId: string) => [...orgKeys.all, "create-account-status", requestId] as const,
  handshakes: () => [...orgKeys.all, "handshakes"] as const,
  policies: (type: string) => [...orgKeys.all, "policies", "list", type] as const,
  policy: (id: string) => [...orgKeys.all, "policies", "detail", id] as const,
  policyTargets: (id: string) => [...orgKeys.policy(id), "targets"] as const,
  targetPolicies: (targetId: string, type: string) => [...orgKeys.all, "target-policies", targetId, type] as const,
  tags: (resourceId: string) => [...orgKeys.all, "tags", resourceId] as const,
};

export const useOrganization = () =>
  useQuery({ queryKey: orgKeys.organization(), queryFn: () => api<{ organization: OrganizationDto | null }>("/api/organizations") });

export const useOrganizationTree = () =>
  useQuery({ queryKey: orgKeys.tree(), queryFn: () => api<OrganizationTree>("/api/organizations/tree"), retry: false });

/** The roots and the policy types enabled on each (ListRoots). */
export const useRoots = () => useQuery({ queryKey: orgKeys.roots(), queryFn: () => api<RootDto[]>("/api/organizations/roots") });

export const useRoot = (rootId: string) =>
  useQuery({ queryKey: orgKeys.root(rootId), queryFn: () => api<RootDto>(`/api/organizations/roots/${rootId}`), retry: false });

export const useOrganizationalUnit = (ouId: string) =>
  useQuery({
    queryKey: orgKeys.unit(ouId),
    queryFn: () => api<OrganizationalUnitDetail>(`/api/organizations/organizational-units/${ouId}`),
    retry: false,
  });

export const useOrgAccount = (accountId: string) =>
  useQuery({
    queryKey: orgKeys.account(accountId),
    queryFn: () => api<AccountDetail>(`/api/organizations/accounts/${accountId}`),
    retry: false,
  });

export const useCreateAccountStatuses = (state?: "IN_PROGRESS" | "SUCCEEDED" | "FAILED") =>
  useQuery({
    queryKey: orgKeys.createStatuses(state),
    queryFn: () => api<CreateAccountStatusDto[]>(`/api/organizations/create-account-status${qs({ state })}`),
    retry: false,
  });

const POLL_MS = 1500;

/** CreateAccount answers IN_PROGRESS: DescribeCreateAccountStatus is polled until SUCCEEDED or FAILED. */
export const useCreateAccountStatus = (requestId: string) =>
  useQuery({
    queryKey: orgKeys.createStatus(requestId),
    queryFn: () => api<CreateAccountStatusDto>(`/api/organizations/create-account-status/${requestId}`),
    refetchInterval: (q) => (q.state.data?.state === "IN_PROGRESS" || (!q.state.data && !q.state.error) ? POLL_MS : false),
    staleTime: 0,
  });

export const useHandshakes = () =>
  useQuery({ queryKey: orgKeys.handshakes(), queryFn: () => api<HandshakeDto[]>("/api/organizations/handshakes") });
