import { route } from "@/lib/server/route";
import { listRoots } from "@/lib/server/services/organizations-roots";

export const GET = route(null, ({ principal }) => listRoots({ principal, input: undefined }));
