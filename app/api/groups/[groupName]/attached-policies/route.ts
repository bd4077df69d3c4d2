import { route } from "@/lib/server/route";
import { groupPolicyArnsSchema } from "@/lib/schemas/groups";
import { attachGroupPolicies, detachGroupPolicies } from "@/lib/server/services/groups-write";

export const POST = route(groupPolicyArnsSchema, ({ principal, input, params }) =>
  attachGroupPolicies({ principal, input: { ...input, groupName: params.groupName } }),
);

export const DELETE = route(groupPolicyArnsSchema, ({ principal, input, params }) =>
  detachGroupPolicies({ principal, input: { ...input, groupName: params.groupName } }),
);
