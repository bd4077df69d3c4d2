import { route } from "@/lib/server/route";
import { cancelHandshake } from "@/lib/server/services/organizations-handshakes";

/** Cancels the invitation (CancelHandshake); it stays listed as CANCELED, as AWS keeps it. */
export const DELETE = route(null, ({ principal, params }) => cancelHandshake({ principal, input: { handshakeId: params.handshakeId } }));
