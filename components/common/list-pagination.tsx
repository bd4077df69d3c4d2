"use client";

import Pagination, { type PaginationProps } from "@cloudscape-design/components/pagination";

const LABELS: PaginationProps.Labels = {
  nextPageLabel: "Next page",
  previousPageLabel: "Previous page",
  pageLabel: (n) => `Page ${n}`,
};

/** A table's page numbers, from `useServerList` (paged on the server) or `useListCollection` (a list held whole). */
export function ListPagination(props: Omit<PaginationProps, "ariaLabels">) {
  return <Pagination {...props} ariaLabels={LABELS} />;
}
