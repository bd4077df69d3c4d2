import { route } from "@/lib/server/route";
import { createVirtualMfaDeviceSchema, mfaSerialSchema } from "@/lib/schemas/user-detail";
import { createVirtualMfaDevice, deleteVirtualMfaDevice } from "@/lib/server/services/user-credentials";

/** Virtual MFA devices are account resources; the user's page creates one to assign and deletes it if abandoned. */
export const POST = route(createVirtualMfaDeviceSchema, ({ principal, input }) => createVirtualMfaDevice({ principal, input }));

export const DELETE = route(mfaSerialSchema, ({ principal, input }) => deleteVirtualMfaDevice({ principal, input }));
