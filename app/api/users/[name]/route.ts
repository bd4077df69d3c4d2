import { route } from "@/lib/server/route";
import { deleteUser } from "@/lib/server/services/users-write";

/** Deletes the user with what depends on it (login profile, keys, MFA, policies, groups), as the AWS console does. */
export const DELETE = route(null, ({ principal, params }) => deleteUser({ principal, input: { userName: params.name } }));
