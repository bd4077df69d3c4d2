import { route } from "@/lib/server/route";
import { inlinePolicySchema } from "@/lib/schemas/groups";
import { getGroupPolicy } from "@/lib/server/services/groups";
import { deleteGroupPolicy, putGroupPolicy } from "@/lib/server/services/groups-write";

const documentSchema = inlinePolicySchema.pick({ policyDocument: true });

export const GET = route(null, ({ principal, params }) =>
  getGroupPolicy({ principal, input: { groupName: params.groupName, policyName: params.policyName } }),
);

export const PUT = route(documentSchema, ({ principal, input, params }) =>
  putGroupPolicy({ principal, input: { ...input, groupName: params.groupName, policyName: params.policyName } }),
);

export const DELETE = route(null, ({ principal, params }) =>
  deleteGroupPolicy({ principal, input: { groupName: params.groupName, policyName: params.policyName } }),
);
