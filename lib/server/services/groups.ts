import "server-only";
import { ListGroupsCommand, type Group } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { pageQuerySchema } from "@/lib/schemas/iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { markerPage, type Page } from "./paging";

export type GroupSummary = { groupName: string; groupId: string; arn: string; path: string; createDate: string };

export const toGroupSummary = (g: Group): GroupSummary => ({
  groupName: g.GroupName!,
  groupId: g.GroupId!,
  arn: g.Arn!,
  path: g.Path!,
  createDate: g.CreateDate!.toISOString(),
});

export async function listGroups({ principal, input }: { principal: Principal; input: z.infer<typeof pageQuerySchema> }): Promise<Page<GroupSummary>> {
  const iam = iamClient(principal);
  try {
    return await markerPage({
      ...input,
      fetch: async (Marker, MaxItems) => {
        const r = await iam.send(new ListGroupsCommand({ Marker, MaxItems }));
        return { items: r.Groups ?? [], marker: r.IsTruncated ? r.Marker : undefined };
      },
      map: toGroupSummary,
      matches: (g, needle) => g.GroupName!.toLowerCase().includes(needle),
    });
  } catch (err) {
    throw fromSdkError(err);
  }
}
