import { route } from "@/lib/server/route";
import { samlMetadataUpdateSchema } from "@/lib/schemas/identity-providers";
import { replaceSamlMetadata } from "@/lib/server/services/identity-providers-write";

export const PUT = route(samlMetadataUpdateSchema, ({ principal, input }) => replaceSamlMetadata({ principal, input }));
