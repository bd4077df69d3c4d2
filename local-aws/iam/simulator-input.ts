import type { ContextValue, PolicyInput, PrincipalInfo } from "../../lib/policy/evaluate/types";
import { parseCidr, parseDate, parseNumber } from "../../lib/policy/evaluate/values";
import { parseArn } from "../../lib/policy/arn";
import type { PolicyKind } from "../../lib/policy/types";
import { invalidInput } from "../protocol/errors";
import { parsePrincipalArn } from "../authz/principal-policies";
import { assertPolicyDocument } from "./policy-document";

export type ContextEntry = { ContextKeyName?: string; ContextKeyValues?: string[]; ContextKeyType?: string };

const SINGLE_TYPES = new Set(["string", "numeric", "boolean", "ip", "binary", "date"]);

const VALID: Record<string, (v: string) => boolean> = {
  string: () => true,
  numeric: (v) => !Number.isNaN(parseNumber(v)),
  boolean: (v) => /^(true|false)$/i.test(v),
  ip: (v) => parseCidr(v) !== undefined,
  binary: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v),
  date: (v) => !Number.isNaN(parseDate(v)),
};

/**
 * ContextEntries as the engine's context: single-valued types (string, numeric, boolean, ip, binary, date) as text,
 * the `...List` types as lists. Each value must read as its type; booleans are kept as AWS writes them, lower case.
 */
export function contextFrom(entries: ContextEntry[] | undefined): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const e of entries ?? []) {
    const name = e.ContextKeyName;
    if (!name) throw invalidInput("Invalid context entry: ContextKeyName must be specified.");
    const type = e.ContextKeyType;
    if (!type) throw invalidInput(`Invalid context entry for ${name}: ContextKeyType must be specified.`);
    const single = SINGLE_TYPES.has(type);
    const base = single ? type : type.replace(/List$/, "");
    const values = e.ContextKeyValues ?? [];
    if (single && values.length > 1) throw invalidInput(`Context key ${name} of type ${type} can have only one value.`);
    for (const v of values) {
      if (!VALID[base](v)) throw invalidInput(`Invalid value ${v} for context key ${name} of type ${type}.`);
    }
    const normalised = base === "boolean" ? values.map((v) => v.toLowerCase()) : values;
    if (!single) context[name] = normalised;
    else if (normalised.length) context[name] = normalised[0];
  }
  return context;
}

/** The simulator's inputs are validated as AWS validates the same policies elsewhere: MalformedPolicyDocument. */
export function policyInputs(texts: string[] | undefined, prefix: string, kind: PolicyKind = "identity"): PolicyInput[] {
  return (texts ?? []).map((text, i) => {
    assertPolicyDocument(text, kind);
    return { id: `${prefix}.${i + 1}`, name: `${prefix}.${i + 1}`, text, sourceType: "none" };
  });
}

export function resourcePolicyInput(text: string | undefined): PolicyInput | undefined {
  if (text === undefined) return undefined;
  assertPolicyDocument(text, "resource");
  return { id: "ResourcePolicy", name: "ResourcePolicy", text, sourceType: "resource" };
}

/** A simulated caller: an IAM user, group or role ARN (AWS refuses sessions, federated users and services). */
export function callerInfo(arn: string): PrincipalInfo {
  const p = /^arn:aws:sts::/.test(arn) ? undefined : parsePrincipalArn(arn);
  if (!p) throw invalidInput("Invalid caller - Caller must be an IAM user in this context.");
  if (p.type === "role") return { arn, account: p.account, kind: "assumed-role", roleArn: arn };
  return { arn, account: p.account, kind: "user" };
}

/** ResourceOwner: an account ID or its root ARN (`arn:aws:iam::111122223333:root`). */
export function ownerAccount(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  const m = /^(?:(\d{12})|arn:aws:iam::(\d{12}):root)$/.exec(owner);
  if (!m) throw invalidInput(`Invalid ResourceOwner: ${owner}. Specify an account ID or an account ARN (arn:aws:iam::<account-id>:root).`);
  return m[1] ?? m[2];
}

/** ActionNames must name one action with its service prefix; the simulator takes no wildcards. */
export function checkActions(actions: string[]): void {
  for (const a of actions) {
    if (a.includes("*") || a.includes("?")) {
      throw invalidInput(`Invalid Input Actions: "${a}" require different authorization information.`);
    }
    if (!/^[a-zA-Z0-9-]+:[a-zA-Z0-9_-]+$/.test(a))
      throw invalidInput(`Invalid action name: ${a}. An action name is service:Action, such as iam:CreateUser.`);
  }
}

export function checkResources(resources: string[]): void {
  for (const r of resources) {
    if (r !== "*" && !parseArn(r)) throw invalidInput(`Resource ${r} must be in ARN format or "*".`);
  }
}

/** The account that owns a simulated resource: the one in its ARN, else ResourceOwner, else the caller's. */
export function resourceAccount(resource: string, owner: string | undefined, caller: string): string {
  const account = resource === "*" ? "" : (parseArn(resource)?.account ?? "");
  return /^\d{12}$/.test(account) ? account : (owner ?? caller);
}

/** ResourceHandlingOption's EC2 scenarios and the resource types each must be given (IAM API Reference). */
const SCENARIOS: Record<string, string[]> = {
  "EC2-VPC-InstanceStore": ["instance", "image", "security-group", "network-interface"],
  "EC2-VPC-InstanceStore-Subnet": ["instance", "image", "security-group", "network-interface", "subnet"],
  "EC2-VPC-EBS": ["instance", "image", "security-group", "network-interface", "volume"],
  "EC2-VPC-EBS-Subnet": ["instance", "image", "security-group", "network-interface", "subnet", "volume"],
};

export function checkScenario(option: string | undefined, resources: string[]): void {
  if (option === undefined) return;
  const required = SCENARIOS[option];
  if (!required) throw invalidInput(`Invalid ResourceHandlingOption: ${option}. Valid values are ${Object.keys(SCENARIOS).join(", ")}.`);
  const given = new Set(
    resources
      .map((r) => parseArn(r))
      .filter((a) => a?.service === "ec2")
      .map((a) => a!.resource.split("/")[0]),
  );
  const missing = required.filter((t) => !given.has(t));
  if (missing.length) throw invalidInput(`ResourceHandlingOption ${option} requires ResourceArns for: ${missing.join(", ")}.`);
}
