import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { operatorsFor } from "../../lib/policy/visual/operators";

describe("visual editor: condition operators by key type", () => {
  it("offers the operators of the key's type, array types as their element's, and Null last", () => {
    assert.deepEqual(operatorsFor("Bool"), ["Bool", "Null"]);
    assert.deepEqual(operatorsFor("IPAddress"), ["IpAddress", "NotIpAddress", "Null"]);
    assert.deepEqual(operatorsFor("ArrayOfString"), operatorsFor("String"));
    assert.ok(operatorsFor("String").every((o) => o.startsWith("String") || o === "Null"));
    assert.equal(operatorsFor("ARN")[0], "ArnEquals");
    assert.ok(operatorsFor("ARN").includes("StringLike"), "ARN keys also take string operators");
    assert.ok(!operatorsFor("Numeric").includes("StringEquals"));
  });

  it("offers every operator for a key the catalogue does not know", () => {
    const all = operatorsFor(undefined);
    for (const o of ["StringEquals", "ArnLike", "NumericLessThan", "DateGreaterThan", "Bool", "IpAddress", "BinaryEquals", "Null"])
      assert.ok(all.includes(o), o);
  });
});
