/** Writes the operation coverage table into README.md between its markers. Run: npm run gen:coverage */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unservedOperations, withCoverage } from "./coverage-table";

const path = join(__dirname, "..", "README.md");

async function main() {
  writeFileSync(path, await withCoverage(readFileSync(path, "utf8"), path));
  const missing = unservedOperations();
  console.log(
    `README.md: coverage table written; ${missing.length} operation(s) not served${missing.length ? `: ${missing.join(", ")}` : ""}`,
  );
}

void main();
