import { CONDITION_KEY_TYPES } from "./format";
import type { EncodedConditionKey } from "./format";
import { SERVICES, catalogue, idx, packedAction, packedService } from "./store";
import type { ConditionKeyInfo } from "./store";

// Global keys present only where the service supports tag-based authorization, which its table then lists.
const LISTED_ONLY = new Set(["aws:requesttag/${tagkey}", "aws:tagkeys", "aws:resourcetag/${tagkey}"]);

const GLOBALS: readonly ConditionKeyInfo[] = Object.freeze(
  catalogue.globalConditionKeys.map(([name, type]) => Object.freeze({ name, type: CONDITION_KEY_TYPES[type], global: true })),
);
const globalNames = new Set(GLOBALS.map((k) => k.name.toLowerCase()));
const ALWAYS = GLOBALS.filter((k) => k.name.startsWith("aws:") && !LISTED_ONLY.has(k.name.toLowerCase()));

const info = ([name, type]: EncodedConditionKey): ConditionKeyInfo => ({
  name,
  type: CONDITION_KEY_TYPES[type],
  global: globalNames.has(name.toLowerCase()),
});

/** AWS's global condition keys (aws:SourceIp, aws:PrincipalTag/${TagKey}...) and the cross-service session keys (ec2:SourceInstanceArn...). */
export function globalConditionKeys(): readonly ConditionKeyInfo[] {
  return GLOBALS;
}

/**
 * The condition keys a policy can test for an action: those the reference lists for it (the action's, then
 * its resource types'), then the aws: global keys every request carries. Undefined for an unknown action.
 */
export function conditionKeysFor(action: string): ConditionKeyInfo[] | undefined {
  const packed = idx().byAction.get(action.toLowerCase());
  if (packed === undefined) return undefined;
  const [, , , keys, actions] = SERVICES[packedService(packed)];
  const [, , resources = [], actionKeys = []] = actions[packedAction(packed)];
  const listed = new Set(actionKeys);
  for (const [, , ...rtKeys] of resources) for (const k of rtKeys) listed.add(k);
  const result = [...listed].map((k) => info(keys[k]));
  const seen = new Set(result.map((k) => k.name.toLowerCase()));
  for (const g of ALWAYS) if (!seen.has(g.name.toLowerCase())) result.push(g);
  return result;
}

type KeyIndex = { exact: Map<string, ConditionKeyInfo>; templates: Map<string, [RegExp, ConditionKeyInfo][]> };
let keyIndex: KeyIndex | undefined;

const VARIABLE = /(\$\{[^}]*\}|<[^>]*>)/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function buildKeyIndex(): KeyIndex {
  const exact = new Map<string, ConditionKeyInfo>();
  const templates = new Map<string, [RegExp, ConditionKeyInfo][]>();
  const add = (k: ConditionKeyInfo) => {
    const lower = k.name.toLowerCase();
    if (exact.has(lower)) return;
    exact.set(lower, k);
    const parts = k.name.split(VARIABLE);
    if (parts.length === 1) return;
    const re = new RegExp(`^${parts.map((p, i) => (i % 2 ? ".+" : escape(p))).join("")}$`, "is");
    const prefix = lower.slice(0, lower.indexOf(":"));
    templates.set(prefix, [...(templates.get(prefix) ?? []), [re, k]]);
  };
  GLOBALS.forEach(add);
  for (const [, , , keys] of SERVICES) for (const k of keys) add(info(k));
  return { exact, templates };
}

/**
 * A condition key's name and type, case-insensitively: "aws:SourceIp", or a key with a variable part filled in
 * ("aws:RequestTag/team" → aws:RequestTag/${TagKey}). Undefined for a key no service or the global list defines.
 */
export function lookupConditionKey(key: string): ConditionKeyInfo | undefined {
  const { exact, templates } = (keyIndex ??= buildKeyIndex());
  const lower = key.toLowerCase();
  const found = exact.get(lower);
  if (found) return found;
  return templates.get(lower.slice(0, lower.indexOf(":")))?.find(([re]) => re.test(key))?.[1];
}
