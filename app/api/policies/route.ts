import { route } from "@/lib/server/route";
import { createPolicySchema } from "@/lib/schemas/policies";
import { listPoliciesPage } from "@/lib/server/services/policies";
import { policiesPageSchema } from "@/lib/schemas/list-page";
import { createPolicy } from "@/lib/server/services/policies-write";

export const GET = route(policiesPageSchema, ({ principal, input }) => listPoliciesPage({ principal, input }));

export const POST = route(createPolicySchema, ({ principal, input }) => createPolicy({ principal, input }));
