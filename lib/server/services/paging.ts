import "server-only";

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
