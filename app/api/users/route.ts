import { route } from "@/lib/server/route";
import { createUserSchema } from "@/lib/schemas/users";
import { listUsersPage } from "@/lib/server/services/users";
import { usersPageSchema } from "@/lib/schemas/list-page";
import { createUser } from "@/lib/server/services/users-write";

export const GET = route(usersPageSchema, ({ principal, input }) => listUsersPage({ principal, input }));

export const POST = route(createUserSchema, ({ principal, input }) => createUser({ principal, input }));
