import { route } from "@/lib/server/route";
import { inlinePolicySchema } from "@/lib/schemas/groups";
import { putGroupPolicy } from "@/lib/server/services/groups-write";

export const POST = route(inlinePolicySchema, ({ principal, input, params }) =>
  putGroupPolicy({ principal, input: { ...input, groupName: params.groupName } }),
);
