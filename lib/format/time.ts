const DAY = 86_400_000;

/** "Today", "Yesterday", "12 days", as the IAM console shows ages. */
export function age(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "-";
  const days = Math.floor((now - Date.parse(iso)) / DAY);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  return `${days} days`;
}

export function ago(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "Never";
  const mins = Math.floor((now - Date.parse(iso)) / 60_000);
  if (mins < 1) return "Now";
  if (mins < 60) return `${mins} minute${mins === 1 ? "" : "s"} ago`;
  const hours = Math.floor(mins / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}

export const dateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }) + " (UTC)" : "-";
