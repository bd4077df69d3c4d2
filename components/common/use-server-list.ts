"use client";

import type { TableProps } from "@cloudscape-design/components/table";
import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fetchListPage, type ListParams } from "@/lib/queries/list-page";
import { matchesText } from "./list-counts";

type Options = {
  /** The list route, e.g. `/api/users`. */
  url: string;
  /** The list's key prefix (`userKeys.lists()`): mutations invalidate every page under it. */
  queryKey: QueryKey;
  defaultSort: string;
  pageSize?: number;
  /** Filters beside the search box (a policy's type...), sent with the page. */
  extra?: Record<string, string>;
  /** Full-page tables keep page, size, search and sort in the URL (`?page=3&sort=createDate&desc=true&filter=dev`). */
  syncUrl?: boolean;
};

const DEBOUNCE_MS = 300;

type State = { page: number; pageSize: number; filter: string; sort: string; desc: boolean };

function fromUrl(search: URLSearchParams | null, o: Options): State {
  const n = (k: string, d: number) => Math.max(1, Math.floor(Number(search?.get(k) ?? d)) || d);
  return {
    page: n("page", 1),
    pageSize: Math.min(100, n("pageSize", o.pageSize ?? 25)),
    filter: search?.get("filter") ?? "",
    sort: search?.get("sort") ?? o.defaultSort,
    desc: search?.get("desc") === "true",
  };
}

/**
 * A table over a list route that filters, sorts and pages on the server: the browser holds one page. The search is
 * debounced; a new search, sort, size or filter starts again from page 1. Selection is kept across pages by `trackBy`.
 */
export function useServerList<T>(o: Options) {
  const urlParams = useSearchParams();
  const [state, setState] = useState<State>(() => fromUrl(o.syncUrl ? urlParams : null, o));
  // The search box shows what is typed; the server is asked once typing pauses (DEBOUNCE_MS).
  const [text, setText] = useState(state.filter);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const search = (next: string) => {
    setText(next);
    clearTimeout(typing.current);
    typing.current = setTimeout(
      () => setState((s) => (s.filter === next.trim() ? s : { ...s, page: 1, filter: next.trim() })),
      DEBOUNCE_MS,
    );
  };
  const filter = state.filter;
  const params: ListParams = { ...state, extra: o.extra };
  const fresh = useRef(false);
  const [openedAt] = useState(() => Date.now());
  const revalidated = useRef(false);
  const query = useQuery({
    queryKey: [...o.queryKey, { ...params }],
    queryFn: () => {
      const skip = fresh.current;
      fresh.current = false;
      return fetchListPage<T>(o.url, params, skip);
    },
    placeholderData: keepPreviousData,
  });
  const [selectedItems, setSelectedItems] = useState<T[]>([]);

  // A snapshot older than the table is shown at once, then read again from IAM: changes made elsewhere show in one read.
  useEffect(() => {
    const d = query.data;
    if (!d || query.isPlaceholderData || revalidated.current) return;
    revalidated.current = true;
    if ((d.ageMs ?? 0) > Date.now() - openedAt) {
      fresh.current = true;
      void query.refetch();
    }
  }, [query, openedAt]);

  useEffect(() => {
    if (!o.syncUrl) return;
    const url = new URL(window.location.href);
    const defaults = fromUrl(null, o);
    for (const [k, v] of Object.entries(state)) {
      if (v === defaults[k as keyof State]) url.searchParams.delete(k);
      else url.searchParams.set(k, String(v));
    }
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the URL follows the state, not the options
  }, [state.page, state.pageSize, state.sort, state.desc, filter, o.syncUrl]);

  // The server answers with the last page when the asked one no longer exists (after deletions).
  const page = query.data && !query.isPlaceholderData ? query.data.page : state.page;

  const set = (next: Partial<State>) => setState((s) => ({ ...s, page: 1, ...next }));
  const data = query.data;
  const narrowed = !!filter || (!!o.extra && Object.values(o.extra).some((v) => v && v !== "All"));
  return {
    query,
    items: data?.items ?? [],
    total: data?.total,
    /** Whether a search or filter narrows the list (then the empty state says nothing matches). */
    filtered: narrowed,
    pageSize: state.pageSize,
    setPageSize: (pageSize: number) => set({ pageSize }),
    /** Back to page 1, as a new search does: for filters beside the search box. */
    restart: () => set({}),
    selectedItems,
    setSelectedItems,
    /** The table's Refresh button: reads the whole list from IAM again, not the server's snapshot. */
    refresh: () => {
      fresh.current = true;
      return query.refetch();
    },
    tableProps: {
      sortingColumn: { sortingField: state.sort },
      sortingDescending: state.desc,
      onSortingChange: (e) => set({ sort: e.detail.sortingColumn.sortingField ?? o.defaultSort, desc: !!e.detail.isDescending }),
      selectedItems,
      onSelectionChange: (e) => setSelectedItems(e.detail.selectedItems),
    } satisfies Partial<TableProps<T>>,
    filterProps: {
      value: text,
      onChange: search,
      countText: narrowed && data ? matchesText(data.matches) : undefined,
    },
    paginationProps: {
      currentPageIndex: page,
      pagesCount: Math.max(1, Math.ceil((data?.matches ?? 0) / state.pageSize)),
      onChange: (e: { detail: { currentPageIndex: number } }) => setState((s) => ({ ...s, page: e.detail.currentPageIndex })),
    },
  };
}
