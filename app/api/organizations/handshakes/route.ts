import { route } from "@/lib/server/route";
import { inviteAccountSchema } from "@/lib/schemas/organizations";
import { inviteAccount, listHandshakes } from "@/lib/server/services/organizations-handshakes";

export const GET = route(null, ({ principal }) => listHandshakes({ principal, input: undefined }));
export const POST = route(inviteAccountSchema, ({ principal, input }) => inviteAccount({ principal, input }));
