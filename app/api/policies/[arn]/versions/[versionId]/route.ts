import { route } from "@/lib/server/route";
import { deletePolicyVersion, getPolicyVersion } from "@/lib/server/services/policy-versions";

export const GET = route(null, ({ principal, params }) =>
  getPolicyVersion({ principal, policyArn: params.arn, versionId: params.versionId }),
);

export const DELETE = route(null, ({ principal, params }) =>
  deletePolicyVersion({ principal, policyArn: params.arn, versionId: params.versionId }),
);
