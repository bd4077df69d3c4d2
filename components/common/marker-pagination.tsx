"use client";

import Pagination, { type PaginationProps } from "@cloudscape-design/components/pagination";
import type { MarkerPages } from "./use-marker-pages";

/** A table's Pagination over AWS's Marker pages: the pages seen so far, open-ended while AWS returns a next marker. */
export function MarkerPagination(props: { pages: MarkerPages; nextToken?: string; ariaLabels?: PaginationProps.Labels }) {
  const { pages, nextToken } = props;
  return (
    <Pagination
      ariaLabels={props.ariaLabels}
      currentPageIndex={pages.index + 1}
      pagesCount={pages.count(nextToken)}
      openEnd={!!nextToken}
      onChange={(e) => pages.goTo(e.detail.currentPageIndex - 1, nextToken)}
    />
  );
}
