import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { createUserSchema } from "@/lib/schemas/users";
import { listUsers } from "@/lib/server/services/users";
import { createUser } from "@/lib/server/services/users-write";

export const GET = route(pageQuerySchema, ({ principal, input }) => listUsers({ principal, input }));

export const POST = route(createUserSchema, ({ principal, input }) => createUser({ principal, input }));
