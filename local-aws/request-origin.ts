import type { IncomingHttpHeaders } from "node:http";
import type { LocalAwsConfig } from "./config";

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * DESIGN rule 7: every web page on the machine can reach a loopback port, so the peer address proves nothing. A
 * request is served only with a Host naming loopback, the listen address or a configured host (a DNS-rebinding page
 * sends its own name), and without an Origin other than the console's or a browser's cross-site mark (a page's
 * no-cors POST carries an Origin; an <img> GET carries only Sec-Fetch-Site). Returns why a request is refused.
 */
export function refusal(headers: IncomingHttpHeaders, config: LocalAwsConfig): string | undefined {
  const host = headers.host ?? "";
  if (!hostAllowed(host.toLowerCase(), config)) {
    return `Host '${host}' is not a loopback name or a host listed in LOCAL_AWS_ALLOWED_HOSTS.`;
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    const allowed = config.allowedOrigins.some((o) => o.replace(/\/+$/, "").toLowerCase() === origin.toLowerCase());
    return allowed ? undefined : `Origin '${origin}' is not the console's (LOCAL_AWS_ALLOWED_ORIGINS).`;
  }
  const site = headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return `A ${site} request from a web page is not served.`;
  return undefined;
}

function hostAllowed(host: string, config: LocalAwsConfig): boolean {
  const m = HOST.exec(host);
  if (!m) return false;
  const listen = config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;
  return [...LOOPBACK, listen, ...config.allowedHosts].some((entry) => {
    const e = entry.toLowerCase();
    return e === m[1] || e === host;
  });
}
