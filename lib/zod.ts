// eslint-disable-next-line no-restricted-imports -- the one place z is configured
import { z } from "zod";

// Zod 4 probes whether it may compile parsers by calling Function(""). The console's CSP forbids eval, so
// the probe, although caught, is reported as a CSP violation in every browser that loads a schema.
// Jitless parsing needs no eval; every module takes z from here so the setting is in place before any parse.
z.config({ jitless: true });

export { z };
