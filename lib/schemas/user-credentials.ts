import { z } from "@/lib/zod";

export const credentialStatusSchema = z.object({ status: z.enum(["Active", "Inactive"]) });

export const uploadSshPublicKeySchema = z.object({
  body: z.string().trim().min(1, "Enter the SSH public key.").max(16384, "The SSH public key must be 16384 characters or fewer."),
});
export type UploadSshPublicKeyInput = z.infer<typeof uploadSshPublicKeySchema>;

export const sshPublicKeyEncodingSchema = z.object({ encoding: z.enum(["SSH", "PEM"]).default("SSH") });

export const uploadSigningCertificateSchema = z.object({
  body: z.string().trim().min(1, "Enter the certificate body.").max(16384, "The certificate body must be 16384 characters or fewer."),
});
export type UploadSigningCertificateInput = z.infer<typeof uploadSigningCertificateSchema>;

/** The services whose credentials the Security credentials tab manages: HTTPS Git (CodeCommit) and Amazon Keyspaces. */
export const SERVICE_CREDENTIAL_SERVICES = ["codecommit.amazonaws.com", "cassandra.amazonaws.com"] as const;
export type CredentialService = (typeof SERVICE_CREDENTIAL_SERVICES)[number];

export const createServiceCredentialSchema = z.object({ serviceName: z.enum(SERVICE_CREDENTIAL_SERVICES) });
