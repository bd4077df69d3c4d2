/** One page of a list as the console's tables ask for it: the 1-based page, its size, the search text and the sort. */
export type ListPageQuery = { page: number; pageSize: number; filter: string; sort: string; desc: boolean };

/** What a list route returns: the page's rows, the whole list's size, and how many rows the filters let through. */
export type ListPage<T> = {
  items: T[];
  total: number;
  matches: number;
  page: number;
  pageSize: number;
  /** How long ago the whole list was read from IAM (the server's snapshot), when it comes from one. */
  ageMs?: number;
};

export type ListSpec<T> = {
  /** What the search box looks in (AWS's console: a field contains the text, ignoring case). */
  searchText: (item: T) => (string | undefined)[];
  /** The sortable columns, each by the value its cells are ordered on. */
  sortBy: Record<string, (item: T) => string | number>;
  /** Filters beside the search box (e.g. a policy's type), applied before the search. */
  where?: (item: T) => boolean;
};

/** Whether any of the values contains the text, ignoring case and surrounding spaces, as the AWS console's search boxes match. */
export function containsText(values: (string | undefined)[], text: string): boolean {
  const needle = text.trim().toLowerCase();
  return !needle || values.some((v) => v?.toLowerCase().includes(needle));
}

// Names in the order the AWS console (and Cloudscape's own collection hooks, by localeCompare) shows them.
const collator = new Intl.Collator("en-US");
const compare = (a: string | number, b: string | number) =>
  typeof a === "string" && typeof b === "string" ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;

// Each list (a snapshot, the same array from request to request) is sorted once per column and direction.
const sortedLists = new WeakMap<readonly unknown[], Map<string, readonly unknown[]>>();

function sorted<T>(all: readonly T[], sort: string, desc: boolean, key: (item: T) => string | number): readonly T[] {
  const cache = sortedLists.get(all) ?? new Map<string, readonly unknown[]>();
  sortedLists.set(all, cache);
  const id = `${sort}\0${desc}`;
  const hit = cache.get(id);
  if (hit) return hit as readonly T[];
  const dir = desc ? -1 : 1;
  const out = all
    .map((item, i) => ({ item, value: key(item), i }))
    .sort((a, b) => dir * compare(a.value, b.value) || a.i - b.i)
    .map((k) => k.item);
  cache.set(id, out);
  return out;
}

/**
 * Filters, sorts and slices a whole list on the server, so the browser gets one page. The sort is stable (ties keep
 * IAM's order, in either direction), and a page past the end shows the last page, as a table does after deletions.
 * `all` must not change once paged (it is a snapshot): its sorted orders are kept with it.
 */
export function pageOf<T>(all: readonly T[], q: ListPageQuery, spec: ListSpec<T>): ListPage<T> {
  const sort = q.sort in spec.sortBy ? q.sort : Object.keys(spec.sortBy)[0];
  const kept = sorted(all, sort, q.desc, spec.sortBy[sort]).filter(
    (item) => (!spec.where || spec.where(item)) && containsText(spec.searchText(item), q.filter),
  );
  const pages = Math.max(1, Math.ceil(kept.length / q.pageSize));
  const page = Math.min(Math.max(1, q.page), pages);
  const start = (page - 1) * q.pageSize;
  return {
    items: kept.slice(start, start + q.pageSize),
    total: all.length,
    matches: kept.length,
    page,
    pageSize: q.pageSize,
  };
}
