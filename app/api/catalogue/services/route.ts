import { route } from "@/lib/server/route";
import { listCatalogueServices } from "@/lib/server/services/action-catalogue";

export const GET = route(null, () => listCatalogueServices());
