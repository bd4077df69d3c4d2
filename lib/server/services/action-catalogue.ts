import "server-only";
import { actionsOf, lookupService, services, type AccessLevel } from "@/lib/policy/catalogue";
import { ServiceError } from "../errors";
import descriptionData from "../action-descriptions.json";

// Each action's one-line description from the Service Authorization Reference (2 MB), kept out of the browser's catalogue.
const descriptions = (descriptionData as { services: Record<string, Record<string, string>> }).services;

export type CatalogueService = { prefix: string; name: string; actionCount: number };
export type CatalogueAction = { action: string; name: string; accessLevel: AccessLevel; resourceTypes: string[]; description?: string };

/** The action catalogue stays on the server (1.2 MB); the console asks for the list of services, then one service's actions. */
export async function listCatalogueServices(): Promise<CatalogueService[]> {
  return services().map((s) => ({ prefix: s.prefix, name: s.name, actionCount: s.actionCount }));
}

export async function listCatalogueActions({ input }: { input: { service: string } }): Promise<CatalogueAction[]> {
  if (!lookupService(input.service)) throw new ServiceError("NotFound", `No service has the prefix ${input.service}.`, 404);
  return actionsOf(input.service).map((a) => ({
    action: a.action,
    name: a.name,
    accessLevel: a.accessLevel,
    resourceTypes: a.resourceTypes.map((r) => r.name),
    description: descriptions[a.service]?.[a.name],
  }));
}
