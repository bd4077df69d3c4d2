import type { ActionInfo } from "../catalogue";

export const SAMPLE_REGION = "us-east-1";
export const SAMPLE_NAME = "example";

const fill = (s: string) => s.replace(/\*/g, SAMPLE_NAME).replace(/\?/g, "x");

/** A policy variable's sample value, the same wherever it appears (a resource and the request's context). */
export const variableValue = (key: string) => `${SAMPLE_NAME}-${key.replace(/^.*[:/]/, "").toLowerCase()}`;

/** `${aws:username}` → its sample value; `${*}` `${?}` `${$}` → the character. */
const resolveVariables = (s: string) =>
  s.replace(/\$\{([^}]*)\}/g, (_, body: string) => {
    const key = body.split(",")[0].trim();
    return key === "*" || key === "?" || key === "$" ? key : variableValue(key);
  });

/**
 * A concrete ARN a Resource pattern matches: wildcards in the region and account fields become a region and the
 * account, wildcards elsewhere sample text, a wildcard service the action's. Undefined for `*` (no specific shape).
 */
export function instantiateArn(pattern: string, account: string, service: string, variables: boolean): string | undefined {
  if (matchesAnything(pattern)) return undefined;
  const text = variables ? resolveVariables(pattern) : pattern;
  const parts = text.split(":");
  if (parts[0] !== "arn" || parts.length < 6) return fill(text);
  const [, partition, svc, region, acct] = parts;
  const wild = (s: string) => /[*?]/.test(s);
  return [
    "arn",
    wild(partition) ? "aws" : partition,
    wild(svc) ? service : svc,
    wild(region) ? SAMPLE_REGION : region,
    wild(acct) ? account : acct,
    fill(parts.slice(5).join(":")),
  ].join(":");
}

const matchesAnything = (p: string) => /^\*+$/.test(p);

/** Whether a pattern could name a resource of `service` (its ARN's service field matches or is a wildcard). */
export function mayNameService(pattern: string, service: string): boolean {
  const parts = pattern.split(":");
  if (parts[0] !== "arn" || parts.length < 3) return true;
  const svc = parts[2];
  return /[*?]/.test(svc) || svc.toLowerCase() === service.toLowerCase();
}

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** The action's resource types' ARN templates filled in: `arn:aws:s3:::example-bucket-name/example-object-name`. */
export function templateArns(info: ActionInfo | undefined, account: string): string[] {
  if (!info?.resourceTypes.length) return ["*"];
  return info.resourceTypes.map((rt) =>
    rt.arnPattern.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
      name === "Partition" ? "aws" : name === "Region" ? SAMPLE_REGION : name === "Account" ? account : `${SAMPLE_NAME}-${kebab(name)}`,
    ),
  );
}
