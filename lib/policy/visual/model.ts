export type Effect = "Allow" | "Deny";

/** A condition value as JSON writes it: IAM compares booleans and numbers as their text, but the document keeps its form. */
export type ConditionValue = string | number | boolean;

/** One key under one operator ("ForAnyValue:StringLikeIfExists"), as the visual editor lists conditions. */
export type VisualCondition = { operator: string; key: string; values: ConditionValue[] };

/**
 * One block of the visual editor: a statement, or one service's share of a statement whose actions span several
 * services. `actions` holds NotAction's values when `notAction` is set, `resources` NotResource's likewise
 * (["*"] is "All resources"). `kept` holds the members the visual editor shows but does not edit (Principal,
 * NotPrincipal), as parsed JSON. `origin` says which statement (and which part of it) the block was read from.
 */
export type VisualStatement = {
  sid?: string;
  effect: Effect;
  notAction: boolean;
  actions: string[];
  notResource: boolean;
  resources: string[];
  conditions: VisualCondition[];
  kept: { key: string; value: unknown }[];
  origin?: { statement: number; part: number };
};

export type VisualPolicy = { statements: VisualStatement[] };

export type ReadResult = { ok: true; policy: VisualPolicy } | { ok: false; reason: string };

/** What a block's actions are about: none yet, one service, every action ("*"), or several services (or a wildcard service). */
export type BlockService =
  { kind: "none" } | { kind: "service"; prefix: string } | { kind: "all" } | { kind: "multiple"; prefixes: string[] };

const literalPrefix = (action: string) => {
  const colon = action.indexOf(":");
  const prefix = colon < 0 ? "" : action.slice(0, colon);
  return prefix && !/[*?]/.test(prefix) ? prefix.toLowerCase() : undefined;
};

/** The block's service, from its actions (case-insensitive prefixes). */
export function blockService(s: Pick<VisualStatement, "actions">): BlockService {
  if (!s.actions.length) return { kind: "none" };
  if (s.actions.length === 1 && s.actions[0] === "*") return { kind: "all" };
  const prefixes = [...new Set(s.actions.map((a) => literalPrefix(a) ?? a))];
  if (prefixes.length === 1 && literalPrefix(s.actions[0]) !== undefined) return { kind: "service", prefix: prefixes[0] };
  return { kind: "multiple", prefixes };
}

/** A statement's actions grouped by literal service prefix (first-appearance order), or undefined when one cannot split them. */
export function splitByService(actions: readonly string[]): string[][] | undefined {
  const groups = new Map<string, string[]>();
  for (const a of actions) {
    const p = literalPrefix(a);
    if (p === undefined) return undefined;
    groups.set(p, [...(groups.get(p) ?? []), a]);
  }
  return [...groups.values()];
}

/** Deep equality of two blocks' content (their `origin` aside). */
export function sameStatement(a: VisualStatement, b: VisualStatement): boolean {
  const { origin: _a, ...restA } = a;
  const { origin: _b, ...restB } = b;
  return canonical(restA) === canonical(restB);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
