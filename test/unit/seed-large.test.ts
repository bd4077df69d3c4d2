import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { countsFrom, SeedRefused } from "../../bench/scale/seed-large";
import { attachedPolicies, DEFAULT_COUNTS, userGroups } from "../../bench/scale/plan";

describe("seed:large counts", () => {
  it("takes the defaults with no flag and no environment", () => {
    assert.deepEqual(countsFrom([], {}), DEFAULT_COUNTS);
  });

  it("prefers a flag to the environment, and the environment to the default", () => {
    const counts = countsFrom(["--users", "40", "--roles=7"], { SEED_USERS: "90", SEED_GROUPS: "3" });
    assert.deepEqual([counts.users, counts.roles, counts.groups, counts.policies], [40, 7, 3, DEFAULT_COUNTS.policies]);
  });

  it("gives no more login profiles or access keys than users", () => {
    const counts = countsFrom(["--users", "5", "--login-profiles", "9"], {});
    assert.deepEqual([counts.loginProfiles, counts.accessKeys], [5, 5]);
  });

  it("refuses a count that is not a whole number, and an unknown flag", () => {
    assert.throws(() => countsFrom(["--users", "ten"], {}), SeedRefused);
    assert.throws(() => countsFrom([], { SEED_ROLES: "-1" }), SeedRefused);
    assert.throws(() => countsFrom(["--people", "3"], {}), SeedRefused);
  });
});

describe("seed:large plan", () => {
  const counts = { ...DEFAULT_COUNTS, policies: 50, groups: 20 };

  it("attaches distinct policies that exist, within IAM's 10 per principal", () => {
    for (let i = 0; i < 200; i++) {
      const arns = attachedPolicies(i, 2, counts, "000000000000");
      assert.equal(new Set(arns).size, arns.length);
      assert.ok(arns.length >= 1 && arns.length <= 10);
      for (const arn of arns)
        assert.match(arn, /^arn:aws:iam::(000000000000:policy\/seed\/[a-z]+\/seed-policy-000([0-4]\d)|aws:policy\/\w+)$/);
    }
  });

  it("puts each user in one or two existing groups, and in none when there are no groups", () => {
    for (let i = 0; i < 200; i++) {
      const groups = userGroups(i, counts);
      assert.ok(groups.length >= 1 && groups.length <= 2 && new Set(groups).size === groups.length);
      for (const g of groups) assert.ok(Number(g.slice(-5)) < counts.groups);
    }
    assert.deepEqual(userGroups(3, { ...counts, groups: 0 }), []);
  });
});
