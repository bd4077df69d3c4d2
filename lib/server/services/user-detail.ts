import "server-only";
import {
  AddUserToGroupCommand,
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserTagsCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
  UntagUserCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { addUserToGroupsSchema, updateUserTagsSchema } from "@/lib/schemas/user-detail";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";

type Tag = { Key: string; Value: string };
export type AccessKeySummary = {
  accessKeyId: string;
  status: "Active" | "Inactive";
  createDate: string;
  description?: string;
  lastUsedDate?: string;
  lastUsedRegion?: string;
  lastUsedService?: string;
};
export type MfaDeviceSummary = { serialNumber: string; enableDate: string; type: "Virtual" | "Hardware" };
export type UserDetail = {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  passwordLastUsed?: string;
  permissionsBoundaryArn?: string;
  tags: Tag[];
  loginProfile: { createDate: string; passwordResetRequired: boolean } | null;
  accessKeys: AccessKeySummary[];
  mfaDevices: MfaDeviceSummary[];
};
export type UserGroupMembership = { groupName: string; arn: string; createDate: string; attachedPolicies: string[] };

const iso = (d?: Date) => (d ? d.toISOString() : undefined);
const missing = (e: { name?: string }) => (e.name === "NoSuchEntityException" ? undefined : Promise.reject(e));

/** Route params may arrive percent-encoded; IAM names never contain '%', so decoding is safe either way. */
export const nameParam = (value: string | undefined) => decodeURIComponent(value ?? "");

/** Follows an IAM list's Marker to the end (per-user lists are short: at most a few dozen entries). */
export async function listAll<T>(
  fetch: (marker?: string) => Promise<{ items?: T[]; IsTruncated?: boolean; Marker?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const r = await fetch(marker);
    out.push(...(r.items ?? []));
    marker = r.IsTruncated ? r.Marker : undefined;
  } while (marker);
  return out;
}

async function accessKeys(iam: IAMClient, userName: string) {
  const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
  return Promise.all(
    (keys.AccessKeyMetadata ?? []).map(async (k) => ({
      key: k,
      used: (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId! }))).AccessKeyLastUsed,
    })),
  );
}

/** An access key as the Security credentials tab shows it; its description is the user's tag keyed by the key's ID. */
function accessKeySummary({ key: k, used }: Awaited<ReturnType<typeof accessKeys>>[number], tags: Tag[]): AccessKeySummary {
  const known = (v?: string) => (v && v !== "N/A" ? v : undefined);
  return {
    accessKeyId: k.AccessKeyId!,
    status: k.Status as AccessKeySummary["status"],
    createDate: k.CreateDate!.toISOString(),
    description: tags.find((t) => t.Key === k.AccessKeyId)?.Value || undefined,
    lastUsedDate: iso(used?.LastUsedDate),
    lastUsedRegion: known(used?.Region),
    lastUsedService: known(used?.ServiceName),
  };
}

/** Everything the user's page header, Summary and Security credentials show, in one round of calls. */
export async function getUserDetail({ principal, input }: { principal: Principal; input: { userName: string } }): Promise<UserDetail> {
  const iam = iamClient(principal);
  const UserName = input.userName;
  try {
    // Every call starts at once; they are awaited in the order that decides which error the page reports (the user's
    // own first), as when they ran one after another.
    const user = iam.send(new GetUserCommand({ UserName }));
    const details = Promise.all([
      listAll((Marker) => iam.send(new ListUserTagsCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.Tags }))),
      iam.send(new GetLoginProfileCommand({ UserName })).catch(missing),
      iam.send(new ListMFADevicesCommand({ UserName })),
    ]);
    const keys = accessKeys(iam, UserName);
    for (const call of [user, details, keys]) call.catch(() => undefined);
    const { User: u } = await user;
    const [tags, profile, mfa] = await details;
    const cleanTags = tags.map((t) => ({ Key: t.Key!, Value: t.Value ?? "" }));
    return {
      userName: u!.UserName!,
      userId: u!.UserId!,
      arn: u!.Arn!,
      path: u!.Path!,
      createDate: u!.CreateDate!.toISOString(),
      passwordLastUsed: iso(u!.PasswordLastUsed),
      permissionsBoundaryArn: u!.PermissionsBoundary?.PermissionsBoundaryArn,
      tags: cleanTags,
      loginProfile: profile?.LoginProfile
        ? {
            createDate: profile.LoginProfile.CreateDate!.toISOString(),
            passwordResetRequired: !!profile.LoginProfile.PasswordResetRequired,
          }
        : null,
      accessKeys: (await keys).map((k) => accessKeySummary(k, cleanTags)),
      mfaDevices: (mfa.MFADevices ?? []).map((d) => ({
        serialNumber: d.SerialNumber!,
        enableDate: d.EnableDate!.toISOString(),
        type: d.SerialNumber!.includes(":mfa/") ? "Virtual" : "Hardware",
      })),
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** The Groups tab: the user's groups with the managed policies each one attaches. */
export async function listGroupsForUser({
  principal,
  input,
}: {
  principal: Principal;
  input: { userName: string };
}): Promise<UserGroupMembership[]> {
  const iam = iamClient(principal);
  try {
    const groups = await listAll((Marker) =>
      iam.send(new ListGroupsForUserCommand({ UserName: input.userName, Marker })).then((r) => ({ ...r, items: r.Groups })),
    );
    return await Promise.all(
      groups.map(async (g) => {
        const attached = await listAll((Marker) =>
          iam
            .send(new ListAttachedGroupPoliciesCommand({ GroupName: g.GroupName!, Marker }))
            .then((r) => ({ ...r, items: r.AttachedPolicies })),
        );
        return {
          groupName: g.GroupName!,
          arn: g.Arn!,
          createDate: g.CreateDate!.toISOString(),
          attachedPolicies: attached.map((p) => p.PolicyName!),
        };
      }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Adds the user to each group in turn; AWS's error for the first group that fails is reported with its name. */
export async function addUserToGroups({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof addUserToGroupsSchema> & { userName: string };
}) {
  const iam = iamClient(principal);
  const added: string[] = [];
  for (const GroupName of input.groupNames) {
    try {
      await iam.send(new AddUserToGroupCommand({ UserName: input.userName, GroupName }));
      added.push(GroupName);
    } catch (err) {
      const e = fromSdkError(err);
      throw added.length ? Object.assign(e, { message: `${GroupName}: ${e.message}` }) : e;
    }
  }
  return { added };
}

export async function removeUserFromGroup({ principal, input }: { principal: Principal; input: { userName: string; groupName: string } }) {
  try {
    await iamClient(principal).send(new RemoveUserFromGroupCommand({ UserName: input.userName, GroupName: input.groupName }));
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Replaces the user's tags: UntagUser for the keys that went away, TagUser for the new and changed ones. */
export async function updateUserTags({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof updateUserTagsSchema> & { userName: string };
}) {
  const iam = iamClient(principal);
  const UserName = input.userName;
  try {
    const current = await listAll((Marker) =>
      iam.send(new ListUserTagsCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.Tags })),
    );
    const next = new Map(input.tags.map((t) => [t.Key, t.Value]));
    const removed = current.map((t) => t.Key!).filter((k) => !next.has(k));
    const changed = input.tags.filter((t) => !current.some((c) => c.Key === t.Key && (c.Value ?? "") === t.Value));
    if (removed.length) await iam.send(new UntagUserCommand({ UserName, TagKeys: removed }));
    if (changed.length) await iam.send(new TagUserCommand({ UserName, Tags: changed }));
    return { removed: removed.length, changed: changed.length };
  } catch (err) {
    throw fromSdkError(err);
  }
}
