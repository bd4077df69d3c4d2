import { route } from "@/lib/server/route";
import { enableConsoleAccessSchema, updateConsoleAccessSchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { createLoginProfile, deleteLoginProfile, updateLoginProfile } from "@/lib/server/services/user-credentials";

export const POST = route(enableConsoleAccessSchema, ({ principal, input, params }) =>
  createLoginProfile({ principal, input: { ...input, userName: nameParam(params.name) } }),
);

export const PATCH = route(updateConsoleAccessSchema, ({ principal, input, params }) =>
  updateLoginProfile({ principal, input: { ...input, userName: nameParam(params.name) } }),
);

export const DELETE = route(null, ({ principal, params }) =>
  deleteLoginProfile({ principal, input: { userName: nameParam(params.name) } }),
);
