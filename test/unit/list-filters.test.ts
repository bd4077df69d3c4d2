import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { containsText, headerCounter, matchesText } from "../../components/common/list-counts";
import { matchesType, matchesUsage } from "../../components/policies/policy-labels";

const policy = (arn: string, path = "/", attachmentCount = 0, permissionsBoundaryUsageCount = 0) => ({
  type: arn.includes(":iam::aws:") ? ("AWS managed" as const) : ("Customer managed" as const),
  path,
  attachmentCount,
  permissionsBoundaryUsageCount,
});

describe("the lists' search, counts and policy filters", () => {
  it("searches as AWS's console does: any of the fields contains the text, ignoring case and surrounding spaces", () => {
    assert.equal(containsText(["ReadOnlyAccess"], "readonly"), true);
    assert.equal(containsText(["alice", "arn:aws:iam::000000000000:user/team-a/alice"], " TEAM-A "), true);
    assert.equal(containsText(["alice", undefined], "bob"), false);
    assert.equal(containsText(["alice"], "  "), true);
  });

  it("counts the whole list as AWS writes it, with the selection when there is one", () => {
    assert.equal(headerCounter(1602), "(1,602)");
    assert.equal(headerCounter(1602, 2), "(2/1,602)");
    assert.equal(headerCounter(undefined), undefined);
    assert.equal(matchesText(1), "1 match");
    assert.equal(matchesText(1583), "1,583 matches");
  });

  it("gives each policy one type: job-function policies are AWS managed under /job-function/, and only that type", () => {
    const viewOnly = policy("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "/job-function/");
    const readOnly = policy("arn:aws:iam::aws:policy/ReadOnlyAccess");
    const own = policy("arn:aws:iam::000000000000:policy/job-function/mine", "/job-function/");
    assert.deepEqual(
      ["All", "AWS", "Local", "JobFunction"].map((t) => [viewOnly, readOnly, own].map((p) => matchesType(p, t as never))),
      [
        [true, true, true],
        [false, true, false],
        [false, false, true],
        [true, false, false],
      ],
    );
  });

  it("filters by use from ListPolicies' counts", () => {
    const attached = policy("arn:aws:iam::aws:policy/A", "/", 2);
    const boundary = policy("arn:aws:iam::aws:policy/B", "/", 0, 1);
    const unused = policy("arn:aws:iam::aws:policy/C");
    assert.deepEqual(
      ["", "PermissionsPolicy", "PermissionsBoundary", "NotUsed"].map((u) =>
        [attached, boundary, unused].map((p) => matchesUsage(p, u as never)),
      ),
      [
        [true, true, true],
        [true, false, false],
        [false, true, false],
        [false, false, true],
      ],
    );
  });
});
