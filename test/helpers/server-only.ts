import { createRequire } from "node:module";

// lib/server modules begin with `import "server-only"`, which throws outside Next's server build. Tests load them as
// that build does, where the package resolves to an empty module.
const load = createRequire(__filename);
load.cache[load.resolve("server-only")] = { exports: {} } as NodeJS.Module;
