import { route } from "@/lib/server/route";
import { describeRoot } from "@/lib/server/services/organizations-roots";

export const GET = route(null, ({ principal, params }) => describeRoot({ principal, input: { rootId: params.rootId } }));
