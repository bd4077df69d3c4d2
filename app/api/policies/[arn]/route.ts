import { route } from "@/lib/server/route";
import { getPolicy } from "@/lib/server/services/policies";
import { deletePolicy } from "@/lib/server/services/policies-write";

// [arn] is the policy ARN URL-encoded into one segment (it contains slashes and colons).
export const GET = route(null, ({ principal, params }) => getPolicy({ principal, policyArn: params.arn }));

export const DELETE = route(null, ({ principal, params }) => deletePolicy({ principal, policyArn: params.arn }));
