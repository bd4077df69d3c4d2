import { route } from "@/lib/server/route";
import { detachPolicySchema, policyEntitySchema } from "@/lib/schemas/policies";
import { attachPolicy, detachPolicy, listEntitiesForPolicy } from "@/lib/server/services/policy-entities";

export const GET = route(null, ({ principal, params }) => listEntitiesForPolicy({ principal, policyArn: params.arn }));

export const POST = route(policyEntitySchema, ({ principal, params, input }) => attachPolicy({ principal, policyArn: params.arn, input }));

export const DELETE = route(detachPolicySchema, ({ principal, params, input }) =>
  detachPolicy({ principal, policyArn: params.arn, input }),
);
