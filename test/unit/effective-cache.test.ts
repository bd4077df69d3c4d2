import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cachedEffectivePermissions } from "../../lib/policy/effective/cached";
import type { EffectivePermissions } from "../../lib/policy/effective";
import type { PolicyInput } from "../../lib/policy/evaluate";
import { Lru } from "../../lib/policy/lru";

const policy = (Action: string, name = "team", Effect = "Allow"): PolicyInput => ({
  id: `arn:aws:iam::111122223333:policy/${name}`,
  name,
  text: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect, Action, Resource: "*" }] }, null, 2),
  sourceType: "user-managed",
});
const allowed = (r: EffectivePermissions) => r.services.flatMap((s) => s.levels.flatMap((l) => l.allowedActions.map((a) => a.action)));

describe("cachedEffectivePermissions", () => {
  it("answers the same policies with the result computed the first time", () => {
    const first = cachedEffectivePermissions({ identity: [policy("s3:GetObject")] });
    const again = cachedEffectivePermissions({ identity: [policy("s3:GetObject")] });
    assert.equal(again, first);
    assert.deepEqual(allowed(first), ["s3:GetObject"]);
  });

  it("never serves a stale result once a document changes under the same policy id and name", () => {
    const before = cachedEffectivePermissions({ identity: [policy("sqs:SendMessage", "edited")] });
    const after = cachedEffectivePermissions({ identity: [policy("sqs:DeleteQueue", "edited")] });
    assert.notEqual(after, before);
    assert.deepEqual(allowed(before), ["sqs:SendMessage"]);
    assert.deepEqual(allowed(after), ["sqs:DeleteQueue"]);
  });

  it("tells a policy apart by its layer: the same document as the boundary is another input", () => {
    const identity = [policy("s3:GetObject", "both"), policy("s3:PutObject", "other")];
    const open = cachedEffectivePermissions({ identity });
    const bounded = cachedEffectivePermissions({ identity, boundary: policy("s3:GetObject", "both") });
    assert.deepEqual(allowed(open).sort(), ["s3:GetObject", "s3:PutObject"]);
    assert.deepEqual(allowed(bounded), ["s3:GetObject"]);
  });
});

describe("Lru", () => {
  it("forgets the least recently used entry past its size, a read counting as a use", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    assert.equal(lru.get("a"), 1);
    lru.set("c", 3);
    assert.deepEqual([lru.get("a"), lru.get("b"), lru.get("c"), lru.size], [1, undefined, 3, 2]);
  });

  it("keeps every entry up to its size, and a set of a present key replaces it without evicting another", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.set("a", 10);
    assert.deepEqual([lru.get("a"), lru.get("b"), lru.size], [10, 2, 2]);
  });
});
