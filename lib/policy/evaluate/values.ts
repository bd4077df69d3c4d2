/** Typed readings of condition values (IAM User Guide, "Condition operators"): numbers, dates, IP addresses. */

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const parseNumber = (s: string): number => (NUMBER.test(s) ? Number(s) : NaN);

const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO = /^([+-]?\d{4,9})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?)?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch from epoch seconds or an ISO 8601 date or date-time (UTC unless an offset is given). */
export function parseDate(s: string): number {
  const v = s.trim();
  if (EPOCH.test(v)) return Number(v) * 1000;
  const m = ISO.exec(v);
  if (!m) return NaN;
  const [, y, mo = "1", d = "1", h = "0", mi = "0", sec = "0", frac, zone] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(sec), frac ? Math.floor(Number(frac) * 1000) : 0);
  let ms = date.getTime();
  if (zone && zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
  }
  return ms;
}

/** An address as 16-bit words: 2 for IPv4, 8 for IPv6. */
export type Ip = { v6: boolean; words: number[] };
export type Cidr = { ip: Ip; bits: number };

export function parseIp(s: string): Ip | undefined {
  if (s.includes(":")) return parseIpv6(s);
  const octets = parseIpv4(s);
  return octets && { v6: false, words: [(octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]] };
}

function parseIpv4(s: string): number[] | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : 256));
  return out.every((n) => n <= 255) ? out : undefined;
}

function parseIpv6(s: string): Ip | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === "") return [];
    const out: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return { v6: true, words: [...head, ...new Array<number>(missing).fill(0), ...tail] };
}

/** `203.0.113.0/24`, `2001:DB8:1234:5678::/64`, or a single address. */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf("/");
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (!ip) return undefined;
  const max = ip.words.length * 16;
  if (slash < 0) return { ip, bits: max };
  const bits = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return undefined;
  return { ip, bits: Number(bits) };
}

export function inCidr(cidr: Cidr, ip: Ip): boolean {
  const a = unmapped(cidr.ip);
  const b = unmapped(ip);
  if (a.v6 !== b.v6) return false;
  const bits = a === cidr.ip ? cidr.bits : cidr.bits - 96;
  if (bits < 0) return true;
  for (let i = 0, left = bits; left > 0; i++, left -= 16) {
    const mask = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff;
    if ((a.words[i] & mask) !== (b.words[i] & mask)) return false;
  }
  return true;
}

/** IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) compare as the IPv4 address they carry. */
function unmapped(ip: Ip): Ip {
  const w = ip.words;
  if (!ip.v6 || w[5] !== 0xffff || w[0] || w[1] || w[2] || w[3] || w[4]) return ip;
  return { v6: false, words: [w[6], w[7]] };
}

/** Remembers up to 1,000 readings: requests repeat the same times and addresses across statements and calls. */
function memo<T>(read: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = read(s);
      if (cache.size >= 1_000) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}

export const readDate = memo(parseDate);
export const readIp = memo(parseIp);
export const readNumber = memo(parseNumber);
