// eslint-disable-next-line no-restricted-imports -- the one place z is configured
import { config } from "zod";

// Zod 4 probes whether it may compile parsers by calling Function(""). The console's CSP forbids eval, so
// the probe, although caught, is reported as a CSP violation in every browser that loads a schema.
// Jitless parsing needs no eval; every module takes z from here so the setting is in place before any parse.
config({ jitless: true });

// z is the members we use, not zod's own namespace: Turbopack keeps every member of that one (all 40-odd locales,
// JSON Schema conversion), which was 89 kB gzip of each form page's first load.
export * as z from "./zod-members";
