"use client";

import { useCollection } from "@cloudscape-design/collection-hooks";
import { useState } from "react";
import { containsText, matchesText } from "./list-counts";

const NONE: never[] = [];

type Options<T> = {
  /** What the search box looks in, e.g. the name (AWS's console: a name contains the text, ignoring case). */
  searchText: (item: T) => (string | undefined)[];
  sortingField: string;
  pageSize?: number;
  /** Set for tables whose rows can be selected: the key that identifies a row across reloads. */
  trackBy?: string;
  /** Whether filters beside the search box (e.g. the policy type) have already narrowed `items`. */
  narrowed?: boolean;
};

/**
 * A whole IAM list as AWS's console tables show it: loaded once, then searched, sorted and paged in the browser
 * (Cloudscape's collection hooks), with the page size the user picks in Preferences.
 */
export function useListCollection<T>(items: readonly T[] | undefined, opts: Options<T>) {
  const [pageSize, setPageSize] = useState(opts.pageSize ?? 25);
  const collection = useCollection(items ?? NONE, {
    filtering: { filteringFunction: (item, text) => containsText(opts.searchText(item), text) },
    sorting: { defaultState: { sortingColumn: { sortingField: opts.sortingField } } },
    pagination: { pageSize },
    selection: opts.trackBy ? { trackBy: opts.trackBy } : undefined,
  });
  const filtered = !!collection.filterProps.filteringText.trim() || !!opts.narrowed;
  return {
    ...collection,
    /** Whether a filter is narrowing the list (then the table's empty state says nothing matches). */
    filtered,
    countText: filtered ? matchesText(collection.filteredItemsCount ?? collection.collectionProps.totalItemsCount) : undefined,
    pageSize,
    setPageSize,
  };
}
