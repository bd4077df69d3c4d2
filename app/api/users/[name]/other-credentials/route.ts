import { route } from "@/lib/server/route";
import { nameParam } from "@/lib/server/services/user-detail";
import { getOtherCredentials } from "@/lib/server/services/user-codecommit-credentials";

export const GET = route(null, ({ principal, params }) => getOtherCredentials({ principal, input: { userName: nameParam(params.name) } }));
