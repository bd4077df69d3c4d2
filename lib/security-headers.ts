/** Sent with every response, pages, /api and static files alike. */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/** /api answers JSON (and next-auth's plain pages, with their inline <style>): nothing to run, nothing to frame. */
export const API_CONTENT_SECURITY_POLICY = policy({
  "default-src": ["'none'"],
  "style-src": ["'unsafe-inline'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'none'"],
});

/**
 * A page's policy: scripts only with this response's nonce (Next.js puts it on its own scripts) and what they load.
 * Monaco writes <style> elements and style attributes without a nonce, and Cloudscape renders style attributes, so
 * styles may be inline; a nonce in style-src would switch that off. Cloudscape's fonts are data: URLs. Monaco's workers
 * are bundled files of this origin.
 * `next dev` needs eval (React rebuilds server error stacks with it) and its websocket.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return policy({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

/** 128 random bits, base64: unguessable for each response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
