export const PARTITIONS = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

const IAM_PATHS = [
  "user/",
  "federated-user/",
  "role/",
  "group/",
  "instance-profile/",
  "mfa/",
  "server-certificate/",
  "policy/",
  "sms-mfa/",
  "saml-provider/",
  "oidc-provider/",
  "report/",
  "access-report/",
];

export type Arn = { partition: string; service: string; region: string; account: string; resource: string };

/** Splits `arn:partition:service:region:account:resource`; the resource part keeps any further colons. */
export function parseArn(arn: string): Arn | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

/** Python's str.partition: text before the first separator, whether it was found, and the rest. */
function cut(s: string): [string, boolean, string] {
  const i = s.indexOf(":");
  return i < 0 ? [s, false, ""] : [s.slice(0, i), true, s.slice(i + 1)];
}

/** IAM's message for a Resource/NotResource value that is not an ARN it accepts, or undefined. */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === "*") return undefined;
  const [, hasColon, afterPrefix] = cut(resource);
  if (!hasColon) return `Resource ${resource} must be in ARN format or "*".`;
  const [partition, hasService, afterPartition] = cut(afterPrefix);
  if (partition !== "*" && !PARTITIONS.includes(partition)) return partitionError(partition, afterPartition);
  if (!hasService) return "Resource vendor must be fully qualified and cannot contain regexes.";
  const [service, , afterService] = cut(afterPartition);
  const [, , afterRegion] = cut(afterService);
  const [, , path] = cut(afterRegion);
  const hasRegion = !afterService.startsWith(":");
  if (service === "iam" && hasRegion) return `IAM resource ${resource} cannot contain region information.`;
  if (service === "s3" && hasRegion && !path.startsWith("accesspoint/")) {
    return `Resource ${resource} can not contain region information.`;
  }
  if (service === "iam" && path !== "*" && path !== "root" && !IAM_PATHS.some((p) => path.startsWith(p))) {
    return `IAM resource path must either be "*", root, or start with ${IAM_PATHS.join(", ")}.`;
  }
  return undefined;
}

function partitionError(partition: string, rest: string): string {
  const parts = rest.split(":");
  const part = (i: number) => (i < parts.length && (i > 0 || parts[0] !== "" || parts.length > 1) ? parts[i] : "*");
  const tail = parts.length > 3 ? parts.slice(3).join(":") : "*";
  return `Partition "${partition}" is not valid for resource "arn:${partition}:${part(0)}:${part(1)}:${part(2)}:${tail}".`;
}

/** IAM's older resource parser, which still rejects some ARNs the format check lets through ("legacy parsing"). */
export function failsLegacyResourceParsing(resource: string): boolean {
  if (resource === "*") return false;
  const parts = resource.split(":");
  if (parts.length - 1 < 5 && resource.includes("::")) return true;
  return parts.length < 3 || parts[2] === "";
}

const ACCOUNT = /^\d{12}$/;

/** Whether an `AWS` principal value names an account, `*`, an IAM user or role, or an STS session (the shapes IAM accepts). */
export function awsPrincipalShape(value: string): "any" | "account" | "user" | "role" | "session" | undefined {
  if (value === "*") return "any";
  if (ACCOUNT.test(value)) return "account";
  const arn = parseArn(value);
  if (!arn || !PARTITIONS.includes(arn.partition) || arn.region !== "" || !ACCOUNT.test(arn.account)) return undefined;
  if (arn.service === "iam") {
    if (arn.resource === "root") return "account";
    if (/^user\/(.+\/)?[\w+=,.@-]+$/.test(arn.resource)) return "user";
    if (/^role\/(.+\/)?[\w+=,.@-]+$/.test(arn.resource)) return "role";
  }
  if (arn.service === "sts" && /^(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/.test(arn.resource)) {
    return "session";
  }
  return undefined;
}
