import { member, parseJson } from "../json";
import type { JsonMember, JsonNode, JsonObject } from "../types";
import { splitByService } from "./model";
import type { ConditionValue, Effect, ReadResult, VisualCondition, VisualStatement } from "./model";

/** The parsed document as the writer needs it: the Statement member and its statements' nodes, in order. */
export type ReadDocument = {
  root: JsonObject;
  statement: JsonMember;
  nodes: JsonObject[];
  blocks: VisualStatement[][];
};

class Unrepresentable extends Error {}

const fail = (reason: string): never => {
  throw new Unrepresentable(reason);
};

const EDITED = new Set(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const KEPT = new Set(["Principal", "NotPrincipal"]);

/**
 * The visual editor's model of a policy, or why it cannot show it. A statement whose actions name several services
 * becomes one block per service (as AWS's visual editor shows it); the writer keeps it as written unless a block changes.
 */
export function fromDocument(text: string): ReadResult {
  try {
    const doc = readDocument(text);
    return { ok: true, policy: { statements: doc.blocks.flat() } };
  } catch (e) {
    if (e instanceof Unrepresentable) return { ok: false, reason: e.message };
    throw e;
  }
}

export function readDocument(text: string): ReadDocument {
  const parsed = parseJson(text);
  if (!parsed.ok) fail(`The JSON is not valid: ${parsed.error.message}.`);
  const root = parsed.ok ? parsed.value : fail("");
  if (root.kind !== "object") return fail("The policy is not a JSON object.");
  noDuplicateKeys(root);
  const statement = member(root, "Statement") ?? fail("The policy has no Statement element.");
  const v = statement.value;
  const nodes =
    v.kind === "array" ? v.items : v.kind === "object" ? [v] : fail("Statement is neither a statement nor a list of statements.");
  const objects = nodes.map((n, i) => (n.kind === "object" ? n : fail(`Statement ${i + 1} is not a JSON object.`)));
  return { root, statement, nodes: objects, blocks: objects.map((n, i) => readStatement(n, i)) };
}

function noDuplicateKeys(node: JsonNode) {
  if (node.kind === "array") node.items.forEach(noDuplicateKeys);
  if (node.kind !== "object") return;
  const seen = new Set<string>();
  for (const m of node.members) {
    if (seen.has(m.key)) fail(`The element "${m.key}" appears twice in one object.`);
    seen.add(m.key);
    noDuplicateKeys(m.value);
  }
}

function readStatement(node: JsonObject, index: number): VisualStatement[] {
  const n = index + 1;
  for (const m of node.members) if (!EDITED.has(m.key) && !KEPT.has(m.key)) fail(`Statement ${n} has an unknown element "${m.key}".`);
  const sidNode = member(node, "Sid")?.value;
  const sid = sidNode === undefined ? undefined : sidNode.kind === "string" ? sidNode.value : fail(`Statement ${n}'s Sid is not a string.`);
  const effectNode = member(node, "Effect")?.value ?? fail(`Statement ${n} has no Effect.`);
  const effect = effectOf(effectNode) ?? fail(`Statement ${n}'s Effect is neither Allow nor Deny.`);
  const notAction = member(node, "NotAction") !== undefined;
  const notResource = member(node, "NotResource") !== undefined;
  if (notAction && member(node, "Action")) fail(`Statement ${n} has both Action and NotAction.`);
  if (notResource && member(node, "Resource")) fail(`Statement ${n} has both Resource and NotResource.`);
  const actions = strings(member(node, notAction ? "NotAction" : "Action"), n);
  const resources = strings(member(node, notResource ? "NotResource" : "Resource"), n);
  const conditionNode = member(node, "Condition");
  const conditions = conditionNode ? readConditions(conditionNode.value, n) : [];
  const kept = node.members.filter((m) => KEPT.has(m.key)).map((m) => ({ key: m.key, value: toValue(m.value) }));
  const base = { effect, notAction, notResource, resources, conditions, kept };
  const parts = notAction ? undefined : splitByService(actions);
  if (!parts || parts.length < 2)
    return [{ ...(sid === undefined ? {} : { sid }), ...base, actions, origin: { statement: index, part: 0 } }];
  return parts.map((group, part) => ({
    ...(sid !== undefined && part === 0 ? { sid } : {}),
    ...base,
    actions: group,
    origin: { statement: index, part },
  }));
}

function effectOf(node: JsonNode): Effect | undefined {
  if (node.kind !== "string") return undefined;
  const v = node.value.toLowerCase();
  return v === "allow" ? "Allow" : v === "deny" ? "Deny" : undefined;
}

function strings(m: JsonMember | undefined, n: number): string[] {
  if (!m) return [];
  const v = m.value;
  if (v.kind === "string") return [v.value];
  if (v.kind === "array" && v.items.every((i) => i.kind === "string")) return v.items.map((i) => (i.kind === "string" ? i.value : ""));
  return fail(`Statement ${n}'s ${m.key} is neither a string nor a list of strings.`);
}

function readConditions(block: JsonNode, n: number): VisualCondition[] {
  if (block.kind !== "object") return fail(`Statement ${n}'s Condition is not a JSON object.`);
  return block.members.flatMap((op) => {
    if (op.value.kind !== "object") return fail(`Statement ${n}'s condition operator ${op.key} is not a JSON object.`);
    if (!op.value.members.length) return fail(`Statement ${n}'s condition operator ${op.key} has no keys.`);
    return op.value.members.map((k) => ({ operator: op.key, key: k.key, values: conditionValues(k.value, n, k.key) }));
  });
}

function conditionValues(v: JsonNode, n: number, key: string): ConditionValue[] {
  const items = v.kind === "array" ? v.items : [v];
  if (v.kind === "array" && !items.length) return fail(`Statement ${n}'s condition key ${key} has no values.`);
  return items.map((i) =>
    i.kind === "string" || i.kind === "number" || i.kind === "boolean"
      ? i.value
      : fail(`Statement ${n}'s condition key ${key} has a value that is not a string, number or boolean.`),
  );
}

function toValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object":
      return Object.fromEntries(node.members.map((m) => [m.key, toValue(m.value)]));
    case "array":
      return node.items.map(toValue);
    case "null":
      return null;
    default:
      return node.value;
  }
}
