import { z } from "zod";

// The console's CSP forbids eval, and zod would probe for it (a reported violation) to compile faster parsers.
z.config({ jitless: true });
