import "../helpers/server-only";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { containsText, pageOf, type ListPageQuery } from "../../lib/lists/page";
import { policiesPageSchema, usersPageSchema } from "../../lib/schemas/list-page";
import { invalidateListSnapshots, listSnapshot as snapshotOf, SNAPSHOT_TTL_MS } from "../../lib/server/services/list-snapshot";
import type { Principal } from "../../lib/server/principal";

type Item = { name: string; n: number };
const spec = { searchText: (i: Item) => [i.name], sortBy: { name: (i: Item) => i.name, n: (i: Item) => i.n } };
const item = fc.record({ name: fc.string({ unit: fc.constantFrom("a", "B", "c", "-"), maxLength: 4 }), n: fc.integer({ min: 0, max: 5 }) });
const query = fc.record({
  page: fc.integer({ min: 1, max: 30 }),
  pageSize: fc.integer({ min: 1, max: 10 }),
  filter: fc.constantFrom("", "a", "b", " B ", "zz"),
  sort: fc.constantFrom("name", "n"),
  desc: fc.boolean(),
});

describe("a list page filtered, sorted and paged on the server", () => {
  it("is the slice of the filtered, stably sorted list that the page asks for (last page when past the end)", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), query, (all, q: ListPageQuery) => {
        const key = spec.sortBy[q.sort as "name" | "n"];
        const kept = all.map((it, i) => ({ it, i })).filter(({ it }) => containsText([it.name], q.filter));
        const order = (a: string | number, b: string | number) =>
          typeof a === "string" ? a.localeCompare(String(b), "en-US") : a < Number(b) ? -1 : a > Number(b) ? 1 : 0;
        const sorted = kept.sort((a, b) => order(key(a.it), key(b.it)) * (q.desc ? -1 : 1) || a.i - b.i);
        const pages = Math.max(1, Math.ceil(sorted.length / q.pageSize));
        const page = Math.min(q.page, pages);
        pageOf(all, { ...q, desc: !q.desc }, spec); // the other order, kept with the same list, must not leak into this one
        const r = pageOf(all, q, spec);
        assert.equal(r.total, all.length);
        assert.equal(r.matches, sorted.length);
        assert.equal(r.page, page);
        assert.deepEqual(
          r.items,
          sorted.slice((page - 1) * q.pageSize, page * q.pageSize).map((k) => k.it),
        );
      }),
    );
  });

  it("walks every match exactly once across its pages", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), query, (all, q) => {
        const first = pageOf(all, { ...q, page: 1 }, spec);
        const pages = Math.max(1, Math.ceil(first.matches / q.pageSize));
        const seen = Array.from({ length: pages }, (_, p) => pageOf(all, { ...q, page: p + 1 }, spec).items).flat();
        assert.equal(seen.length, first.matches);
        assert.deepEqual(new Set(seen).size, new Set(all.filter((i) => containsText([i.name], q.filter))).size);
      }),
    );
  });

  it("narrows by the filters beside the search box before searching", () => {
    const all = [
      { name: "alpha", n: 1 },
      { name: "alps", n: 2 },
      { name: "beta", n: 1 },
    ];
    const r = pageOf(all, { page: 1, pageSize: 10, filter: "al", sort: "n", desc: true }, { ...spec, where: (i) => i.n === 2 });
    assert.deepEqual(r, { items: [{ name: "alps", n: 2 }], total: 3, matches: 1, page: 1, pageSize: 10 });
    assert.equal(pageOf(all, { page: 1, pageSize: 10, filter: "", sort: "name", desc: false }, spec).matches, 3);
  });

  it("takes its query from the URL with defaults, and refuses a column it cannot sort on or a page too large", () => {
    assert.deepEqual(usersPageSchema.parse({}), { page: 1, pageSize: 25, filter: "", sort: "userName", desc: false, fresh: false });
    assert.deepEqual(usersPageSchema.parse({ page: "3", pageSize: "50", filter: "dev", sort: "createDate", desc: "true" }), {
      page: 3,
      pageSize: 50,
      filter: "dev",
      sort: "createDate",
      desc: true,
      fresh: false,
    });
    assert.equal(usersPageSchema.safeParse({ sort: "roleName" }).success, false);
    assert.equal(usersPageSchema.safeParse({ pageSize: "1000" }).success, false);
    assert.equal(usersPageSchema.safeParse({ page: "0" }).success, false);
    assert.equal(policiesPageSchema.parse({ type: "Local" }).type, "Local");
    assert.equal(policiesPageSchema.safeParse({ type: "Mine" }).success, false);
  });
});

const principal = (arn: string, accountId = "111111111111"): Principal => ({
  type: "user",
  arn,
  accountId,
  credentials: { accessKeyId: `AKIA${arn.length}`, secretAccessKey: "s", expiration: 0 },
});

const listSnapshot = (...args: Parameters<typeof snapshotOf<number>>) => snapshotOf(...args).then((s) => s.items);

describe("the server's snapshot of a whole list", () => {
  it("reads IAM once within the TTL, per principal, and again after a write in the account or a Refresh", async () => {
    let loads = 0;
    const load = async () => [++loads];
    const alice = principal("arn:aws:iam::111111111111:user/alice");
    const bob = principal("arn:aws:iam::111111111111:user/bob");
    const other = principal("arn:aws:iam::222222222222:user/carol", "222222222222");
    assert.deepEqual(await listSnapshot(alice, "users", load), [1]);
    assert.deepEqual(await listSnapshot(alice, "users", load), [1]);
    assert.deepEqual(await listSnapshot(bob, "users", load), [2]);
    assert.deepEqual(await listSnapshot(alice, "groups", load), [3]);
    assert.deepEqual(await listSnapshot(other, "users", load), [4]);
    invalidateListSnapshots("111111111111");
    assert.deepEqual(await listSnapshot(alice, "users", load), [5]);
    assert.deepEqual(await listSnapshot(other, "users", load), [4]);
    assert.deepEqual(await listSnapshot(alice, "users", load, true), [6]);
    assert.deepEqual(await listSnapshot(alice, "users", load), [6]);
  });

  it("expires after the TTL, shares one load between concurrent readers, and keeps no failed load", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: 1_000_000 });
    let loads = 0;
    const dave = principal("arn:aws:iam::333333333333:user/dave", "333333333333");
    const load = async () => [++loads];
    const [a, b] = await Promise.all([listSnapshot(dave, "roles", load), listSnapshot(dave, "roles", load)]);
    assert.deepEqual([a, b], [[1], [1]]);
    t.mock.timers.tick(SNAPSHOT_TTL_MS - 1);
    assert.deepEqual(await snapshotOf(dave, "roles", load), { items: [1], ageMs: SNAPSHOT_TTL_MS - 1 });
    t.mock.timers.tick(1);
    assert.deepEqual(await listSnapshot(dave, "roles", load), [2]);
    await assert.rejects(snapshotOf(dave, "policies", () => Promise.reject(new Error("throttled")), true));
    assert.deepEqual(await listSnapshot(dave, "policies", load), [3]);
  });
});
