import "server-only";
import {
  GetGroupCommand,
  GetGroupPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  type Group,
  type IAMClient,
  type User,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";
import { listSnapshot } from "./list-snapshot";
import { pageOf, type ListPage } from "@/lib/lists/page";
import type { ListPageInput } from "@/lib/schemas/list-page";
import { toUserSummary, type UserSummary } from "./users";

export type GroupSummary = { groupName: string; groupId: string; arn: string; path: string; createDate: string };
export type GroupDetail = GroupSummary & { userCount: number; attachedPolicyCount: number; inlinePolicyCount: number };
export type AttachedGroupPolicy = { policyName: string; policyArn: string; type: "AWS managed" | "Customer managed" };
export type GroupPermissions = { attachedPolicies: AttachedGroupPolicy[]; inlinePolicyNames: string[] };
export type GroupInlinePolicy = { groupName: string; policyName: string; policyDocument: string };

type Ctx<I> = { principal: Principal; input: I };

export const toGroupSummary = (g: Group): GroupSummary => ({
  groupName: g.GroupName!,
  groupId: g.GroupId!,
  arn: g.Arn!,
  path: g.Path!,
  createDate: g.CreateDate!.toISOString(),
});

/** Every group in the account, read through ListGroups to the last page. */
export async function listGroups({ principal }: { principal: Principal }): Promise<GroupSummary[]> {
  const iam = iamClient(principal);
  try {
    const groups = await allPages(async (Marker) => {
      const r = await iam.send(new ListGroupsCommand({ Marker, MaxItems: MAX_ITEMS }));
      return { items: r.Groups, marker: nextMarker(r) };
    });
    return groups.map(toGroupSummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** One page of the "User groups" table: searched by name, sorted and paged on the server over the account's snapshot. */
export async function listGroupsPage({ principal, input }: Ctx<ListPageInput>): Promise<ListPage<GroupSummary>> {
  const { items: groups, ageMs } = await listSnapshot(principal, "groups", () => listGroups({ principal }), input.fresh);
  return {
    ...pageOf(groups, input, {
      searchText: (g) => [g.groupName],
      sortBy: { groupName: (g) => g.groupName, path: (g) => g.path, createDate: (g) => g.createDate },
    }),
    ageMs,
  };
}

export const groupMembers = (iam: IAMClient, GroupName: string) =>
  allPages<User>(async (Marker) => {
    const r = await iam.send(new GetGroupCommand({ GroupName, Marker, MaxItems: MAX_ITEMS }));
    return { items: r.Users, marker: nextMarker(r) };
  });

export async function groupPermissions(iam: IAMClient, GroupName: string): Promise<GroupPermissions> {
  const [attached, inline] = await Promise.all([
    allPages(async (Marker) => {
      const r = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName, Marker, MaxItems: MAX_ITEMS }));
      return { items: r.AttachedPolicies, marker: nextMarker(r) };
    }),
    allPages(async (Marker) => {
      const r = await iam.send(new ListGroupPoliciesCommand({ GroupName, Marker, MaxItems: MAX_ITEMS }));
      return { items: r.PolicyNames, marker: nextMarker(r) };
    }),
  ]);
  return {
    attachedPolicies: attached.map((p) => ({
      policyName: p.PolicyName!,
      policyArn: p.PolicyArn!,
      type: p.PolicyArn!.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed",
    })),
    inlinePolicyNames: inline,
  };
}

/** A group with what the console shows about it: how many users, and whether it has permissions. */
export async function getGroup({ principal, input }: Ctx<{ groupName: string }>): Promise<GroupDetail> {
  const iam = iamClient(principal);
  try {
    const [first, permissions] = await Promise.all([
      iam.send(new GetGroupCommand({ GroupName: input.groupName, MaxItems: MAX_ITEMS })),
      groupPermissions(iam, input.groupName),
    ]);
    const userCount = first.IsTruncated ? (await groupMembers(iam, input.groupName)).length : (first.Users ?? []).length;
    return {
      ...toGroupSummary(first.Group!),
      userCount,
      attachedPolicyCount: permissions.attachedPolicies.length,
      inlinePolicyCount: permissions.inlinePolicyNames.length,
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Every member of the group, read through GetGroup to the last page; the console filters, sorts and pages them. */
export async function listGroupUsers({ principal, input }: Ctx<{ groupName: string }>): Promise<UserSummary[]> {
  try {
    return (await groupMembers(iamClient(principal), input.groupName)).map(toUserSummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function listGroupPermissions({ principal, input }: Ctx<{ groupName: string }>): Promise<GroupPermissions> {
  try {
    return await groupPermissions(iamClient(principal), input.groupName);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** An inline policy's document, which IAM returns URL-encoded, decoded and pretty-printed when it is JSON. */
export async function getGroupPolicy({ principal, input }: Ctx<{ groupName: string; policyName: string }>): Promise<GroupInlinePolicy> {
  try {
    const r = await iamClient(principal).send(new GetGroupPolicyCommand({ GroupName: input.groupName, PolicyName: input.policyName }));
    const raw = decodeURIComponent(r.PolicyDocument!);
    let policyDocument = raw;
    try {
      policyDocument = JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      // Not JSON: shown as IAM returned it.
    }
    return { groupName: r.GroupName!, policyName: r.PolicyName!, policyDocument };
  } catch (err) {
    throw fromSdkError(err);
  }
}
