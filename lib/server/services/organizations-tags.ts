import "server-only";
import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { allPages, withOrganizations, type Ctx } from "./organizations-shared";

type Tag = { Key: string; Value: string };

const tagsOf = (org: OrganizationsClient, ResourceId: string) =>
  allPages(async (NextToken) => {
    const r = await org.send(new ListTagsForResourceCommand({ ResourceId, NextToken }));
    return { items: r.Tags, next: r.NextToken };
  }).then((tags) => tags.map((t) => ({ Key: t.Key!, Value: t.Value ?? "" })));

/** The tags of a root, OU, account or policy. */
export async function listTags({ principal, input }: Ctx<{ resourceId: string }>): Promise<Tag[]> {
  return withOrganizations(principal, (org) => tagsOf(org, input.resourceId));
}

/** "Manage tags" saves the whole set: keys no longer there are untagged, the rest (re)tagged. */
export async function replaceTags({ principal, input }: Ctx<{ resourceId: string; tags: Tag[] }>): Promise<Tag[]> {
  return withOrganizations(principal, async (org) => {
    const current = await tagsOf(org, input.resourceId);
    const removed = current.map((t) => t.Key).filter((k) => !input.tags.some((t) => t.Key === k));
    if (removed.length) await org.send(new UntagResourceCommand({ ResourceId: input.resourceId, TagKeys: removed }));
    if (input.tags.length) await org.send(new TagResourceCommand({ ResourceId: input.resourceId, Tags: input.tags }));
    return input.tags;
  });
}
