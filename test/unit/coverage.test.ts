import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NOTES, sdkOperations, unservedOperations, withCoverage } from "../../scripts/coverage-table";
import { services } from "../../local-aws/services";

/** Operations local-aws does not serve yet, each named here so that the gap is explicit and a new one fails the test. */
const NOT_SERVED = new Set<string>([]);

describe("operation coverage", () => {
  it("serves every IAM, STS and Organizations operation of the SDK", () => {
    assert.deepEqual(
      unservedOperations().filter((op) => !NOT_SERVED.has(op)),
      [],
    );
  });

  it("allows missing only what is still missing", () => {
    const missing = new Set(unservedOperations());
    assert.deepEqual(
      [...NOT_SERVED].filter((op) => !missing.has(op)),
      [],
    );
  });

  it("reads the operations from the SDK's schemas", () => {
    assert.ok(sdkOperations(services.iam.model).length >= 180);
    assert.ok(sdkOperations(services.sts.model).includes("AssumeRole"));
    assert.ok(sdkOperations(services.organizations.model).includes("CreateOrganization"));
  });

  it("has notes only for operations the SDK defines", () => {
    const all = new Set(Object.values(services).flatMap((s) => sdkOperations(s.model).map((op) => `${s.name}:${op}`)));
    assert.deepEqual(
      Object.keys(NOTES).filter((k) => !all.has(k)),
      [],
    );
  });

  it("keeps the README's table as npm run gen:coverage writes it", async () => {
    const path = join(__dirname, "../../README.md");
    const readme = readFileSync(path, "utf8");
    assert.ok(readme === (await withCoverage(readme, path)), "README.md's coverage table is out of date: run npm run gen:coverage");
  });
});
