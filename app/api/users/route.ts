import { route } from "@/lib/server/route";
import { createUserSchema } from "@/lib/schemas/users";
import { listUsers } from "@/lib/server/services/users";
import { createUser } from "@/lib/server/services/users-write";

export const GET = route(null, ({ principal }) => listUsers({ principal }));

export const POST = route(createUserSchema, ({ principal, input }) => createUser({ principal, input }));
