import { route } from "@/lib/server/route";
import { setDefaultPolicyVersionSchema } from "@/lib/schemas/policies";
import { setDefaultPolicyVersion } from "@/lib/server/services/policy-versions";

export const PUT = route(setDefaultPolicyVersionSchema, ({ principal, params, input }) =>
  setDefaultPolicyVersion({ principal, policyArn: params.arn, input }),
);
