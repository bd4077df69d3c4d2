import "server-only";
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSigningCertificateCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DeleteVirtualMFADeviceCommand,
  DetachUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListUserPoliciesCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import { CHANGE_PASSWORD_POLICY_ARN, type createUserSchema } from "@/lib/schemas/users";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { allPages, toUserSummary, type UserSummary } from "./users";
import { generatePassword, readAccountPasswordPolicy } from "./users-password";

export type CreatedUser = {
  user: UserSummary;
  accountId: string;
  /** Shown once on the "Retrieve password" page; never stored or logged by the console. */
  consoleAccess?: { password: string; passwordResetRequired: boolean };
};

type Undo = () => Promise<unknown>;

/** The form field an AWS error belongs to, so the wizard can show it next to that field. */
const FIELD_OF: Record<string, string> = { EntityAlreadyExists: "userName", PasswordPolicyViolation: "consoleAccess.password" };

/**
 * The AWS console's "Create user": CreateUser (with tags and boundary), CreateLoginProfile, AddUserToGroup and
 * AttachUserPolicy for each choice. If a later call fails, everything already created is undone in reverse, so
 * nothing is left half-written, and AWS's error is returned as AWS worded it.
 */
export async function createUser({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof createUserSchema>;
}): Promise<CreatedUser> {
  const iam = iamClient(principal);
  const UserName = input.userName;
  const access = input.consoleAccess;
  const undo: Undo[] = [];
  try {
    // Unreadable policy (e.g. AccessDenied): fall back to AWS's default rules and let CreateLoginProfile decide.
    const policy = access ? await readAccountPasswordPolicy(iam).catch(() => null) : null;
    const attach = [...new Set(input.policyArns)];
    if (access?.passwordResetRequired && !policy?.allowUsersToChangePassword && !attach.includes(CHANGE_PASSWORD_POLICY_ARN)) {
      attach.push(CHANGE_PASSWORD_POLICY_ARN);
    }

    const created = await iam.send(
      new CreateUserCommand({ UserName, PermissionsBoundary: input.permissionsBoundary, Tags: input.tags.length ? input.tags : undefined }),
    );
    undo.push(() => iam.send(new DeleteUserCommand({ UserName })));

    let password: string | undefined;
    if (access) {
      password = access.passwordType === "custom" ? access.password : generatePassword(policy);
      await iam.send(new CreateLoginProfileCommand({ UserName, Password: password, PasswordResetRequired: access.passwordResetRequired }));
      undo.push(() => iam.send(new DeleteLoginProfileCommand({ UserName })));
    }
    for (const GroupName of new Set(input.groups)) {
      await iam.send(new AddUserToGroupCommand({ UserName, GroupName }));
      undo.push(() => iam.send(new RemoveUserFromGroupCommand({ UserName, GroupName })));
    }
    for (const PolicyArn of attach) {
      await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn }));
      undo.push(() => iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn })));
    }

    return {
      user: toUserSummary(created.User!),
      accountId: principal.accountId,
      ...(access && password ? { consoleAccess: { password, passwordResetRequired: access.passwordResetRequired } } : {}),
    };
  } catch (err) {
    const e = fromSdkError(err);
    const field = undo.length === 0 || e.code === "PasswordPolicyViolation" ? FIELD_OF[e.code] : undefined;
    const leftover = await rollBack(undo);
    const message = leftover ? `${e.message} The user ${UserName} was created but couldn't be removed again: ${leftover}` : e.message;
    throw new ServiceError(e.code, message, e.status, field ? { [field]: e.message } : undefined);
  }
}

/** Runs the undo steps newest first; returns AWS's message for the first one that failed, if any. */
async function rollBack(undo: Undo[]): Promise<string | undefined> {
  let failure: string | undefined;
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (err) {
      failure ??= fromSdkError(err).message;
    }
  }
  return failure;
}

const page = <T>(items: T[] | undefined, r: { Marker?: string; IsTruncated?: boolean }) => ({
  items,
  marker: r.Marker,
  truncated: r.IsTruncated,
});

/**
 * The AWS console's "Delete user": it removes what DeleteUser would refuse with a DeleteConflict first (login profile,
 * access keys, MFA devices, inline and attached policies, group memberships), then the user. Stops at AWS's first error.
 */
export async function deleteUser({
  principal,
  input,
}: {
  principal: Principal;
  input: { userName: string };
}): Promise<{ userName: string }> {
  const iam = iamClient(principal);
  const UserName = input.userName;
  try {
    await iam
      .send(new DeleteLoginProfileCommand({ UserName }))
      .catch((e) => (e.name === "NoSuchEntityException" ? undefined : Promise.reject(e)));
    await removeEach(iam, UserName);
    await iam.send(new DeleteUserCommand({ UserName }));
    return { userName: UserName };
  } catch (err) {
    throw fromSdkError(err);
  }
}

async function removeEach(iam: IAMClient, UserName: string): Promise<void> {
  const keys = await allPages((Marker) =>
    iam.send(new ListAccessKeysCommand({ UserName, Marker })).then((r) => page(r.AccessKeyMetadata, r)),
  );
  for (const k of keys) await iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId: k.AccessKeyId! }));

  const sshKeys = await allPages((Marker) =>
    iam.send(new ListSSHPublicKeysCommand({ UserName, Marker })).then((r) => page(r.SSHPublicKeys, r)),
  );
  for (const k of sshKeys) await iam.send(new DeleteSSHPublicKeyCommand({ UserName, SSHPublicKeyId: k.SSHPublicKeyId! }));

  const certificates = await allPages((Marker) =>
    iam.send(new ListSigningCertificatesCommand({ UserName, Marker })).then((r) => page(r.Certificates, r)),
  );
  for (const c of certificates) await iam.send(new DeleteSigningCertificateCommand({ UserName, CertificateId: c.CertificateId! }));

  const serviceCredentials = await allPages((Marker) =>
    iam.send(new ListServiceSpecificCredentialsCommand({ UserName, Marker })).then((r) => page(r.ServiceSpecificCredentials, r)),
  );
  for (const c of serviceCredentials) {
    await iam.send(new DeleteServiceSpecificCredentialCommand({ UserName, ServiceSpecificCredentialId: c.ServiceSpecificCredentialId! }));
  }

  const devices = await allPages((Marker) => iam.send(new ListMFADevicesCommand({ UserName, Marker })).then((r) => page(r.MFADevices, r)));
  for (const d of devices) {
    await iam.send(new DeactivateMFADeviceCommand({ UserName, SerialNumber: d.SerialNumber! }));
    // Virtual devices are IAM resources (their serial is an ARN) and go with the user; hardware keys stay.
    if (d.SerialNumber!.startsWith("arn:")) await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: d.SerialNumber! }));
  }

  const inline = await allPages((Marker) =>
    iam.send(new ListUserPoliciesCommand({ UserName, Marker })).then((r) => page(r.PolicyNames, r)),
  );
  for (const PolicyName of inline) await iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName }));

  const attached = await allPages((Marker) =>
    iam.send(new ListAttachedUserPoliciesCommand({ UserName, Marker })).then((r) => page(r.AttachedPolicies, r)),
  );
  for (const p of attached) await iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn: p.PolicyArn! }));

  const groups = await allPages((Marker) => iam.send(new ListGroupsForUserCommand({ UserName, Marker })).then((r) => page(r.Groups, r)));
  for (const g of groups) await iam.send(new RemoveUserFromGroupCommand({ UserName, GroupName: g.GroupName! }));
}
