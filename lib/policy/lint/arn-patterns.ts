import { SERVICES } from "../catalogue/store";

/** A resource type's ARN template, split into ARN fields and compiled for matching. */
export type ArnTemplate = {
  resourceType: string;
  servicePrefix: string;
  pattern: string;
  region: string;
  account: string;
  resource: string;
  regex: RegExp;
  sample: string;
};

const VARIABLE = /\$\{([^}]*)\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const FIELD_VARIABLES: Record<string, [string, string]> = {
  Partition: ["[^:]+", "aws"],
  Region: ["[^:]*", "us-east-1"],
  Account: ["[^:]*", "123456789012"],
};

/** Variables that may hold slashes (an object key, a path); any other stops at one (a bucket name). */
const WHOLE_PATH = /Path|Object|Key|Prefix/;

function compile(pattern: string): { regex: RegExp; sample: string } {
  let source = "";
  let sample = "";
  let last = 0;
  for (const m of pattern.matchAll(VARIABLE)) {
    source += escape(pattern.slice(last, m.index));
    sample += pattern.slice(last, m.index);
    const [re, example] = FIELD_VARIABLES[m[1]] ?? (WHOLE_PATH.test(m[1]) ? [".+", "x"] : ["[^/]+", "x"]);
    source += re;
    sample += example;
    last = m.index + m[0].length;
  }
  source += escape(pattern.slice(last));
  sample += pattern.slice(last);
  return { regex: new RegExp(`^${source}$`, "s"), sample };
}

let byArnService: Map<string, ArnTemplate[]> | undefined;

/** The resource types whose ARNs have `service` as their service field ("s3", "iam"...), from every service's table. */
export function templatesFor(service: string): readonly ArnTemplate[] | undefined {
  byArnService ??= buildIndex();
  return byArnService.get(service);
}

/** Every service field that some resource type's ARN has. */
export function arnServices(): string[] {
  byArnService ??= buildIndex();
  return [...byArnService.keys()];
}

function buildIndex(): Map<string, ArnTemplate[]> {
  const out = new Map<string, ArnTemplate[]>();
  const seen = new Set<string>();
  for (const [prefix, , resourceTypes] of SERVICES) {
    for (const [name, pattern] of resourceTypes) {
      const fields = pattern.split(":");
      if (fields.length < 6 || seen.has(pattern)) continue;
      seen.add(pattern);
      const t = {
        resourceType: name,
        servicePrefix: prefix,
        pattern,
        region: fields[3],
        account: fields[4],
        resource: fields.slice(5).join(":"),
      };
      const list = out.get(fields[2]) ?? [];
      list.push({ ...t, ...compile(pattern) });
      out.set(fields[2], list);
    }
  }
  return out;
}

const globCache = new Map<string, RegExp>();

/** An ARN as a policy writes it (`*`, `?`, `${aws:username}`) as a case-sensitive matcher. */
function glob(arn: string): RegExp {
  let re = globCache.get(arn);
  if (!re) {
    const body = arn
      .replace(VARIABLE, "*")
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "s");
    if (globCache.size > 5000) globCache.clear();
    globCache.set(arn, re);
  }
  return re;
}

/**
 * Whether a policy's ARN can name a resource of the template's type: the template accepts the ARN as written, or
 * the ARN's wildcards accept an example of the template ("arn:aws:iam::*" names users as well as roles).
 */
export function arnFitsTemplate(arn: string, t: ArnTemplate): boolean {
  return t.regex.test(arn.replace(VARIABLE, "x")) || glob(arn).test(t.sample);
}

export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const hasArnWildcard = (s: string) => /[*?]|\$\{/.test(s);
