"use client";

import TextFilter from "@cloudscape-design/components/text-filter";

/** A table's search box (Cloudscape's TextFilter), with the "N matches" count while it narrows the list. */
export function SearchFilter(props: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  ariaLabel: string;
  countText?: string;
}) {
  return (
    <TextFilter
      filteringText={props.value}
      filteringPlaceholder={props.placeholder}
      filteringAriaLabel={props.ariaLabel}
      countText={props.countText}
      onChange={(e) => props.onChange(e.detail.filteringText)}
    />
  );
}
