import { route } from "@/lib/server/route";
import { detachPolicy } from "@/lib/server/services/organizations-attachments";

export const DELETE = route(null, ({ principal, params }) =>
  detachPolicy({ principal, input: { targetId: params.targetId, policyId: params.policyId } }),
);
