/** The AWS console's address for a group ("details/" keeps a group named "create" apart from the create page). */
export const groupHref = (groupName: string, rest = "") => `/groups/details/${encodeURIComponent(groupName)}${rest}`;

/** A name from a route segment, decoded whether or not Next.js already did it (IAM names never contain "%"). */
export function routeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
