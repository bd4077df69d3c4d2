/** Counts as AWS's console writes them in table headers and filters: "1,602". */
export const formatCount = (n: number) => n.toLocaleString("en-US");

/** A table header's counter: the whole list's size, and how many are selected when any are ("(2/1,602)"). */
export const headerCounter = (total: number | undefined, selected = 0) =>
  total === undefined ? undefined : selected ? `(${formatCount(selected)}/${formatCount(total)})` : `(${formatCount(total)})`;

/** The filter's "N matches", shown while a filter narrows the list. */
export const matchesText = (n: number) => `${formatCount(n)} ${n === 1 ? "match" : "matches"}`;

export { containsText } from "@/lib/lists/page";
