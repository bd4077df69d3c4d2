import { z } from "@/lib/zod";
import { route } from "@/lib/server/route";
import { listUserActivity } from "@/lib/server/services/users";

const schema = z.object({
  userNames: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.string().max(64)).max(100)),
});

export const GET = route(schema, ({ principal, input }) => listUserActivity({ principal, input }));
