import { route } from "@/lib/server/route";
import { orgTagsSchema } from "@/lib/schemas/organizations";
import { listTags, replaceTags } from "@/lib/server/services/organizations-tags";

export const GET = route(null, ({ principal, params }) => listTags({ principal, input: { resourceId: params.resourceId } }));
export const PUT = route(orgTagsSchema, ({ principal, params, input }) =>
  replaceTags({ principal, input: { resourceId: params.resourceId, tags: input.tags } }),
);
