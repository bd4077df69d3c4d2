import { readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "../fixtures/certificates");

/** A checked-in PEM fixture (see test/fixtures/certificates/generate.sh): `server.pem`, `server.key`, `expired.pem`... */
export const fixture = (file: string) => readFileSync(join(DIR, file), "utf8");
