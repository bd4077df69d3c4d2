import { route } from "@/lib/server/route";
import { policyTagsSchema } from "@/lib/schemas/policies";
import { updatePolicyTags } from "@/lib/server/services/policies-write";

export const PUT = route(policyTagsSchema, ({ principal, params, input }) => updatePolicyTags({ principal, policyArn: params.arn, input }));
