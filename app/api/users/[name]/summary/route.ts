import { route } from "@/lib/server/route";
import { getUserDetail, nameParam } from "@/lib/server/services/user-detail";

export const GET = route(null, ({ principal, params }) => getUserDetail({ principal, input: { userName: nameParam(params.name) } }));
