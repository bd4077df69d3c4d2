import { route } from "@/lib/server/route";
import { enableMfaDeviceSchema, mfaSerialSchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { enableMfaDevice, removeMfaDevice } from "@/lib/server/services/user-credentials";

export const POST = route(enableMfaDeviceSchema, ({ principal, input, params }) =>
  enableMfaDevice({ principal, input: { ...input, userName: nameParam(params.name) } }),
);

export const DELETE = route(mfaSerialSchema, ({ principal, input, params }) =>
  removeMfaDevice({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
