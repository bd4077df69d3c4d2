import { route } from "@/lib/server/route";
import { createPolicyVersionSchema } from "@/lib/schemas/policies";
import { createPolicyVersion, listPolicyVersions } from "@/lib/server/services/policy-versions";

export const GET = route(null, ({ principal, params }) => listPolicyVersions({ principal, policyArn: params.arn }));

export const POST = route(createPolicyVersionSchema, ({ principal, params, input }) =>
  createPolicyVersion({ principal, policyArn: params.arn, input }),
);
