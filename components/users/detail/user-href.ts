/** The user's page, optionally on one tab (`section`) or a sub-page, as the console links them. */
export const userHref = (userName: string, sub = "") => `/users/details/${encodeURIComponent(userName)}${sub}`;

export const policyNameOf = (arn: string) => arn.split("/").pop() ?? arn;
export const policyTypeOf = (arn: string) => (arn.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed");

/** "today", "yesterday" or "12 days ago", for sentences such as "Created today." */
export function daysAgo(iso: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}
