import { route } from "@/lib/server/route";
import { describeCreateAccountStatus } from "@/lib/server/services/organizations-create-account";

export const GET = route(null, ({ principal, params }) =>
  describeCreateAccountStatus({ principal, input: { requestId: params.requestId } }),
);
