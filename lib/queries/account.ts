import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import type { Account, AccountSummary } from "@/lib/server/services/account";
import type { CredentialReportFindings } from "@/lib/server/services/account-credential-report";
import type { PasswordPolicy } from "@/lib/server/services/account-password-policy";
import type { AccountAliasInput, PasswordPolicyInput } from "@/lib/schemas/account";
import type { ChangePasswordInput } from "@/lib/schemas/sign-in";

export type { Account, AccountSummary, CredentialReportFindings, PasswordPolicy };

export const accountKeys = {
  all: ["account"] as const,
  detail: () => [...accountKeys.all, "detail"] as const,
  summary: () => [...accountKeys.all, "summary"] as const,
  credentialReport: () => [...accountKeys.all, "credential-report"] as const,
  passwordPolicy: () => [...accountKeys.all, "password-policy"] as const,
};

export const useAccount = () => useQuery({ queryKey: accountKeys.detail(), queryFn: () => api<Account>("/api/account"), retry: false });

/** Counts change as other pages create and delete things, so the dashboard refetches whenever it is shown. */
export const useAccountSummary = () =>
  useQuery({ queryKey: accountKeys.summary(), queryFn: () => api<AccountSummary>("/api/account/summary"), staleTime: 0 });

export const useCredentialReportFindings = () =>
  useQuery({
    queryKey: accountKeys.credentialReport(),
    queryFn: () => api<CredentialReportFindings>("/api/account/credential-report"),
    staleTime: 60_000,
  });

export const usePasswordPolicy = () =>
  useQuery({
    queryKey: accountKeys.passwordPolicy(),
    queryFn: () => api<{ policy: PasswordPolicy | null }>("/api/account/password-policy"),
  });

export function useCreateAccountAlias() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountAliasInput) => api<void>("/api/account/alias", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useDeleteAccountAlias() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountAliasInput) => api<void>("/api/account/alias", { method: "DELETE", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useUpdatePasswordPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordPolicyInput) => api<void>("/api/account/password-policy", { method: "PUT", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.passwordPolicy() }),
  });
}

export function useDeletePasswordPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/account/password-policy", { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.passwordPolicy() }),
  });
}

export const useChangePassword = () =>
  useMutation({ mutationFn: (input: ChangePasswordInput) => api<void>("/api/change-password", { method: "POST", body: input }) });
