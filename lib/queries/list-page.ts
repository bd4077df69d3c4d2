import { api, qs } from "./api";
import type { ListPage, ListPageQuery } from "@/lib/lists/page";

export type { ListPage, ListPageQuery };

/** A list route's query: the page, its size, the search, the sort, and any filters beside the search box. */
export type ListParams = ListPageQuery & { extra?: Record<string, string> };

/** One page of a list route (`/api/users`...). `fresh` skips the server's short-lived snapshot of the whole list. */
export function fetchListPage<T>(url: string, p: ListParams, fresh = false): Promise<ListPage<T>> {
  return api<ListPage<T>>(
    `${url}${qs({
      page: p.page,
      pageSize: p.pageSize,
      filter: p.filter.trim(),
      sort: p.sort,
      desc: p.desc ? "true" : undefined,
      fresh: fresh ? "true" : undefined,
      ...p.extra,
    })}`,
  );
}
