import { route } from "@/lib/server/route";
import { catalogueActionsQuerySchema } from "@/lib/schemas/simulator";
import { listCatalogueActions } from "@/lib/server/services/action-catalogue";

export const GET = route(catalogueActionsQuerySchema, ({ input }) => listCatalogueActions({ input }));
