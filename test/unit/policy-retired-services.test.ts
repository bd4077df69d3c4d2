import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { splitUnrecognized } from "../../components/effective/unrecognized-actions";
import { lookupService } from "../../lib/policy/catalogue";
import { RETIRED_SERVICES, retiredService } from "../../lib/policy/catalogue/retired-services";
import { effectivePermissions } from "../../lib/policy/effective";

describe("retired services", () => {
  it("are absent from the action catalogue (else they are not retired) and each says where that comes from", () => {
    for (const s of RETIRED_SERVICES) {
      assert.equal(lookupService(s.prefix), undefined, `${s.prefix} is in the catalogue`);
      assert.ok(s.source.length > 20, `${s.prefix} has no source`);
    }
  });

  it("are found by an action's prefix, case-insensitively, and nothing else is", () => {
    assert.equal(retiredService("deepcomposer:ListModels")?.name, "AWS DeepComposer");
    assert.equal(retiredService("IoT1Click:List*")?.name, "AWS IoT 1-Click");
    assert.equal(retiredService("s3:GetObject"), undefined);
    assert.equal(retiredService("deepcomposer"), undefined);
    assert.equal(retiredService("*"), undefined);
  });

  it("split a policy's unrecognized actions: retired services counted quietly, unknown ones kept for the warning", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "s3:GetObject",
            "deepcomposer:GetComposition",
            "deepcomposer:List*",
            "iot1click:Describe*",
            "s3:GetObjekt",
            "madeup:Thing",
          ],
          Resource: "*",
        },
      ],
    });
    const result = effectivePermissions({ identity: [{ id: "p", name: "ReadOnlyLike", text }] });
    const named = result.unrecognized.map((u) => ({ ...u, policyName: "ReadOnlyLike" }));
    const { retired, unknown } = splitUnrecognized(named);
    assert.deepEqual(
      retired.map((r) => [r.service.prefix, r.actions.map((a) => a.pattern)]),
      [
        ["deepcomposer", ["deepcomposer:GetComposition", "deepcomposer:List*"]],
        ["iot1click", ["iot1click:Describe*"]],
      ],
    );
    assert.deepEqual(
      unknown.map((u) => [u.pattern, u.reason]),
      [
        ["s3:GetObjekt", "action"],
        ["madeup:Thing", "service"],
      ],
    );
  });
});
