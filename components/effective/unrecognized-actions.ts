import { retiredService, type RetiredService } from "@/lib/policy/catalogue/retired-services";

type Unrecognized = { pattern: string; reason: "service" | "action"; policyName: string };

/**
 * Unrecognized Action values split in two: those of services AWS has retired (its own managed policies still name
 * them, harmlessly), counted per service; and the rest, which may be typos and deserve a warning.
 */
export function splitUnrecognized<U extends Unrecognized>(list: readonly U[]) {
  const retired = new Map<RetiredService, U[]>();
  const unknown: U[] = [];
  for (const u of list) {
    const service = u.reason === "service" ? retiredService(u.pattern) : undefined;
    if (service) retired.set(service, [...(retired.get(service) ?? []), u]);
    else unknown.push(u);
  }
  return { retired: [...retired].map(([service, actions]) => ({ service, actions })), unknown };
}
