import { parseArn } from "../arn";
import type { ActionInfo } from "../catalogue";
import { SERVICES, idx } from "../catalogue/store";
import { matchesWildcard } from "../wildcard";

export type DescribedResource = { resource: string; region: string; account: string };

export const ALL_RESOURCES: DescribedResource = Object.freeze({
  resource: "All resources",
  region: "All regions",
  account: "All accounts",
});

const isAll = (value: string) => /^\*+$/.test(value);
const regionText = (region: string) => (region === "" || isAll(region) ? "All regions" : region);
const accountText = (account: string) => (account === "" || isAll(account) ? "All accounts" : account);
const SHOWN_APART = new Set(["Partition", "Region", "Account"]);

/**
 * How the console shows a Resource value for an action: by the action's resource type ("BucketName | string like |
 * mybucket, ObjectName | string like | All"), else the ARN as written when it is of the action's service but of no
 * resource type the catalogue knows. Undefined when it cannot apply: an action without resource types takes only "*";
 * an ARN of another service, or of another of the service's resource types, matches none of the action's resources.
 */
export function describeResource(value: string, info: ActionInfo): DescribedResource | undefined {
  if (isAll(value)) return ALL_RESOURCES;
  const arn = parseArn(value);
  if (!arn || info.resourceTypes.length === 0) return undefined;
  for (const type of info.resourceTypes) {
    const vars = matchArnPattern(type.arnPattern, value);
    if (!vars) continue;
    const own = vars.filter(([name]) => !SHOWN_APART.has(name));
    const resource = own.length ? own.map(([name, v]) => `${name} | string like | ${isAll(v) ? "All" : v}`).join(", ") : value;
    return { resource, region: regionText(arn.region), account: accountText(arn.account) };
  }
  const services = [info.service, ...info.resourceTypes.map((t) => t.arnPattern.split(":")[2])];
  if (!services.some((s) => matchesWildcard(arn.service, s))) return undefined;
  const s = idx().serviceByPrefix.get(info.service.toLowerCase());
  if (s !== undefined && SERVICES[s][2].some(([, pattern]) => matchArnPattern(pattern, value))) return undefined;
  return { resource: value, region: regionText(arn.region), account: accountText(arn.account) };
}

type Compiled = { regex: RegExp; names: string[] };
const compiled = new Map<string, Compiled>();

/** The pattern's variables and their values in `arn`, or undefined when it is not of that resource type. */
export function matchArnPattern(pattern: string, arn: string): [string, string][] | undefined {
  let c = compiled.get(pattern);
  if (!c) compiled.set(pattern, (c = compile(pattern)));
  const m = c.regex.exec(arn);
  return m ? c.names.map((name, i) => [name, m[i + 1]]) : undefined;
}

// A variable stays within one ARN segment and one path step, except a last one after "/" (paths, object keys).
function compile(pattern: string): Compiled {
  const parts = pattern.split(/\$\{([^}]+)\}/);
  const names: string[] = [];
  let source = "";
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      source += parts[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      continue;
    }
    names.push(parts[i]);
    const last = i === parts.length - 2 && parts[i + 1] === "";
    source += last && parts[i - 1].endsWith("/") ? "(.+)" : "([^:/]*)";
  }
  return { regex: new RegExp(`^${source}$`), names };
}
