import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import { userDetailKeys, useUserMutation } from "./user-detail";
import type { NewServiceCredential, OtherCredentials } from "@/lib/server/services/user-codecommit-credentials";
import type { CredentialService } from "@/lib/schemas/user-credentials";

export type { NewServiceCredential, OtherCredentials };
export type CredentialKind = "ssh-public-keys" | "signing-certificates" | "service-credentials";
type Status = "Active" | "Inactive";

const base = (name: string) => `/api/users/${encodeURIComponent(name)}`;
const item = (name: string, kind: CredentialKind, id: string) => `${base(name)}/${kind}/${encodeURIComponent(id)}`;

/** SSH keys, X.509 signing certificates and service-specific credentials, under the user's page key. */
export const otherCredentialsKey = (name: string) => [...userDetailKeys.all(name), "other-credentials"] as const;

export const useOtherCredentials = (name: string) =>
  useQuery({ queryKey: otherCredentialsKey(name), queryFn: () => api<OtherCredentials>(`${base(name)}/other-credentials`) });

export const useSshPublicKeyBody = (name: string, id: string | undefined, encoding: "SSH" | "PEM") =>
  useQuery({
    queryKey: [...otherCredentialsKey(name), "ssh", id, encoding],
    queryFn: () => api<{ id: string; body: string; fingerprint: string }>(`${item(name, "ssh-public-keys", id!)}${qs({ encoding })}`),
    enabled: !!id,
  });

export const useUploadCredential = (name: string, kind: "ssh-public-keys" | "signing-certificates") =>
  useUserMutation(name, (body: string) => api<{ id: string }>(`${base(name)}/${kind}`, { method: "POST", body: { body } }));

export const useUpdateCredential = (name: string, kind: CredentialKind) =>
  useUserMutation(name, (v: { id: string; status: Status }) =>
    api(item(name, kind, v.id), { method: "PATCH", body: { status: v.status } }),
  );

export const useDeleteCredential = (name: string, kind: CredentialKind) =>
  useUserMutation(name, (id: string) => api(item(name, kind, id), { method: "DELETE" }));

export const useCreateServiceCredential = (name: string) =>
  useUserMutation(
    name,
    (serviceName: CredentialService) =>
      api<NewServiceCredential>(`${base(name)}/service-credentials`, { method: "POST", body: { serviceName } }),
    [],
    true,
  );

export const useResetServiceCredential = (name: string) =>
  useUserMutation(
    name,
    (id: string) => api<NewServiceCredential>(`${item(name, "service-credentials", id)}/reset`, { method: "POST" }),
    [],
    true,
  );
