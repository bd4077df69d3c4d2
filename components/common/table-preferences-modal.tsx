"use client";

import CollectionPreferences from "@cloudscape-design/components/collection-preferences";

const PAGE_SIZES = [10, 25, 50, 100];

export type TablePreferencesProps = { pageSize: number; onPageSizeChange: (pageSize: number) => void; noun: string };

/** A table's Preferences (the cog by its pagination): how many rows a page shows, as AWS's console tables offer. */
export function TablePreferencesModal(props: TablePreferencesProps) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={{ pageSize: props.pageSize }}
      pageSizePreference={{ title: "Page size", options: PAGE_SIZES.map((value) => ({ value, label: `${value} ${props.noun}` })) }}
      onConfirm={(e) => props.onPageSizeChange(e.detail.pageSize ?? props.pageSize)}
    />
  );
}
