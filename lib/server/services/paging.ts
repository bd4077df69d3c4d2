import "server-only";

export type Page<T> = { items: T[]; nextToken?: string };

/** IAM's largest page (MaxItems): whole lists are read in as few calls as AWS allows. */
export const MAX_ITEMS = 1000;

/**
 * Every item of an AWS Marker-paged list, page after page until IAM stops returning a marker. `fetch` returns the
 * page's items and the marker to continue from, only when IsTruncated.
 */
export async function allPages<T>(fetch: (marker: string | undefined) => Promise<{ items?: T[]; marker?: string }>): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const r = await fetch(marker);
    for (const item of r.items ?? []) out.push(item);
    marker = r.marker;
  } while (marker);
  return out;
}

/** The marker to continue from, when IAM says the list is truncated. */
export const nextMarker = (r: { IsTruncated?: boolean; Marker?: string }) => (r.IsTruncated ? r.Marker : undefined);

/**
 * One page from an AWS Marker-paged list. Without a filter it is the API's own paging; with one (IAM lists have no
 * name filter), the server scans 1,000-item pages and returns matches from an offset, which is then the token.
 */
export async function markerPage<R, T>(opts: {
  filter?: string;
  pageToken?: string;
  pageSize: number;
  fetch: (marker: string | undefined, maxItems: number) => Promise<{ items: R[]; marker?: string }>;
  map: (r: R) => T;
  matches: (r: R, needle: string) => boolean;
}): Promise<Page<T>> {
  if (!opts.filter) {
    const r = await opts.fetch(opts.pageToken, opts.pageSize);
    return { items: r.items.map(opts.map), nextToken: r.marker };
  }
  const needle = opts.filter.toLowerCase();
  const offset = Number(opts.pageToken ?? 0) || 0;
  const found: R[] = [];
  let marker: string | undefined;
  do {
    const r = await opts.fetch(marker, MAX_ITEMS);
    found.push(...r.items.filter((i) => opts.matches(i, needle)));
    marker = r.marker;
  } while (marker && found.length <= offset + opts.pageSize);
  const more = found.length > offset + opts.pageSize || !!marker;
  return { items: found.slice(offset, offset + opts.pageSize).map(opts.map), nextToken: more ? String(offset + opts.pageSize) : undefined };
}
