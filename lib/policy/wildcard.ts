const cache = new Map<string, RegExp>();

/** IAM's `*` (any run, including none) and `?` (any one character) matching; actions compare case-insensitively. */
export function matchesWildcard(pattern: string, value: string, caseSensitive = false): boolean {
  const key = `${caseSensitive ? "s" : "i"}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, caseSensitive ? "s" : "is");
    if (cache.size > 10_000) cache.clear();
    cache.set(key, re);
  }
  return re.test(value);
}
