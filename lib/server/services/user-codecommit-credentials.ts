import "server-only";
import {
  CreateServiceSpecificCredentialCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSigningCertificateCommand,
  DeleteSSHPublicKeyCommand,
  GetSSHPublicKeyCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ResetServiceSpecificCredentialCommand,
  UpdateServiceSpecificCredentialCommand,
  UpdateSigningCertificateCommand,
  UpdateSSHPublicKeyCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand,
  type IAMClient,
  type ServiceSpecificCredential,
} from "@aws-sdk/client-iam";
import type { CredentialService } from "@/lib/schemas/user-credentials";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { listAll } from "./user-detail";

type Ctx<I> = { principal: Principal; input: I & { userName: string } };
type Status = "Active" | "Inactive";

export type SshPublicKeySummary = { id: string; status: string; uploadDate: string };
export type SigningCertificateSummary = { id: string; status: string; uploadDate: string };
export type ServiceCredentialSummary = {
  id: string;
  serviceName: string;
  serviceUserName?: string;
  status: string;
  createDate: string;
};
export type OtherCredentials = {
  sshPublicKeys: SshPublicKeySummary[];
  signingCertificates: SigningCertificateSummary[];
  serviceCredentials: ServiceCredentialSummary[];
};
/** Returned once to the browser that asked for it; never logged. */
export type NewServiceCredential = { id: string; serviceUserName: string; password: string };

const iso = (d?: Date) => (d ?? new Date(0)).toISOString();

/** Runs one SDK call for the user, turning SDK errors into the console's typed errors. */
async function call<T>(principal: Principal, fn: (iam: IAMClient) => Promise<T>): Promise<T> {
  try {
    return await fn(iamClient(principal));
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** The Security credentials tab's CodeCommit, Keyspaces and X.509 sections, read in one go. */
export const getOtherCredentials = ({ principal, input }: Ctx<object>): Promise<OtherCredentials> =>
  call(principal, async (iam) => {
    const UserName = input.userName;
    const [keys, certificates, credentials] = await Promise.all([
      listAll((Marker) => iam.send(new ListSSHPublicKeysCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.SSHPublicKeys }))),
      listAll((Marker) =>
        iam.send(new ListSigningCertificatesCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.Certificates })),
      ),
      listAll((Marker) =>
        iam
          .send(new ListServiceSpecificCredentialsCommand({ UserName, Marker }))
          .then((r) => ({ ...r, items: r.ServiceSpecificCredentials })),
      ),
    ]);
    return {
      sshPublicKeys: keys.map((k) => ({ id: k.SSHPublicKeyId!, status: k.Status!, uploadDate: iso(k.UploadDate) })),
      signingCertificates: certificates.map((c) => ({ id: c.CertificateId!, status: c.Status!, uploadDate: iso(c.UploadDate) })),
      serviceCredentials: credentials.map((c) => ({
        id: c.ServiceSpecificCredentialId!,
        serviceName: c.ServiceName!,
        serviceUserName: c.ServiceUserName,
        status: c.Status!,
        createDate: iso(c.CreateDate),
      })),
    };
  });

export const uploadSshPublicKey = ({ principal, input }: Ctx<{ body: string }>) =>
  call(principal, async (iam) => {
    const { SSHPublicKey } = await iam.send(new UploadSSHPublicKeyCommand({ UserName: input.userName, SSHPublicKeyBody: input.body }));
    return { id: SSHPublicKey!.SSHPublicKeyId! };
  });

export const getSshPublicKey = ({ principal, input }: Ctx<{ id: string; encoding: "SSH" | "PEM" }>) =>
  call(principal, async (iam) => {
    const { SSHPublicKey: k } = await iam.send(
      new GetSSHPublicKeyCommand({ UserName: input.userName, SSHPublicKeyId: input.id, Encoding: input.encoding }),
    );
    return { id: k!.SSHPublicKeyId!, body: k!.SSHPublicKeyBody!, fingerprint: k!.Fingerprint! };
  });

export const updateSshPublicKey = ({ principal, input }: Ctx<{ id: string; status: Status }>) =>
  call(principal, (iam) =>
    iam.send(new UpdateSSHPublicKeyCommand({ UserName: input.userName, SSHPublicKeyId: input.id, Status: input.status })),
  ).then(() => ({}));

export const deleteSshPublicKey = ({ principal, input }: Ctx<{ id: string }>) =>
  call(principal, (iam) => iam.send(new DeleteSSHPublicKeyCommand({ UserName: input.userName, SSHPublicKeyId: input.id }))).then(
    () => ({}),
  );

export const uploadSigningCertificate = ({ principal, input }: Ctx<{ body: string }>) =>
  call(principal, async (iam) => {
    const { Certificate } = await iam.send(new UploadSigningCertificateCommand({ UserName: input.userName, CertificateBody: input.body }));
    return { id: Certificate!.CertificateId! };
  });

export const updateSigningCertificate = ({ principal, input }: Ctx<{ id: string; status: Status }>) =>
  call(principal, (iam) =>
    iam.send(new UpdateSigningCertificateCommand({ UserName: input.userName, CertificateId: input.id, Status: input.status })),
  ).then(() => ({}));

export const deleteSigningCertificate = ({ principal, input }: Ctx<{ id: string }>) =>
  call(principal, (iam) => iam.send(new DeleteSigningCertificateCommand({ UserName: input.userName, CertificateId: input.id }))).then(
    () => ({}),
  );

const newCredential = (c?: ServiceSpecificCredential): NewServiceCredential => ({
  id: c!.ServiceSpecificCredentialId!,
  serviceUserName: c!.ServiceUserName!,
  password: c!.ServicePassword!,
});

export const createServiceCredential = ({ principal, input }: Ctx<{ serviceName: CredentialService }>) =>
  call(principal, async (iam) => {
    const out = await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: input.userName, ServiceName: input.serviceName }));
    return newCredential(out.ServiceSpecificCredential);
  });

export const resetServiceCredential = ({ principal, input }: Ctx<{ id: string }>) =>
  call(principal, async (iam) => {
    const out = await iam.send(
      new ResetServiceSpecificCredentialCommand({ UserName: input.userName, ServiceSpecificCredentialId: input.id }),
    );
    return newCredential(out.ServiceSpecificCredential);
  });

export const updateServiceCredential = ({ principal, input }: Ctx<{ id: string; status: Status }>) =>
  call(principal, (iam) =>
    iam.send(
      new UpdateServiceSpecificCredentialCommand({ UserName: input.userName, ServiceSpecificCredentialId: input.id, Status: input.status }),
    ),
  ).then(() => ({}));

export const deleteServiceCredential = ({ principal, input }: Ctx<{ id: string }>) =>
  call(principal, (iam) =>
    iam.send(new DeleteServiceSpecificCredentialCommand({ UserName: input.userName, ServiceSpecificCredentialId: input.id })),
  ).then(() => ({}));
