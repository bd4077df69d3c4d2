import type { SummaryEffect } from "@/lib/policy/summary";

/** The console's section names: "Explicit deny" and "Allow". */
export const effectLabel = (effect: SummaryEffect) => (effect === "Deny" ? "Explicit deny" : "Allow");

export const NO_APPLICABLE_RESOURCE = "One or more actions do not have an applicable resource.";
