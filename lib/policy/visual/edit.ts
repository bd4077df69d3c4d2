import type { VisualCondition, VisualPolicy, VisualStatement } from "./model";

/** The policy with block `index` replaced by `update(block)`. */
export function updateStatement(policy: VisualPolicy, index: number, update: (s: VisualStatement) => VisualStatement): VisualPolicy {
  return { statements: policy.statements.map((s, i) => (i === index ? update(s) : s)) };
}

export function removeStatement(policy: VisualPolicy, index: number): VisualPolicy {
  return { statements: policy.statements.filter((_, i) => i !== index) };
}

/** A new, empty Allow block at the end, named as AWS's visual editor names its statements (VisualEditor0, 1...). */
export function addStatement(policy: VisualPolicy): VisualPolicy {
  const sids = new Set(policy.statements.map((s) => s.sid));
  let n = 0;
  while (sids.has(`VisualEditor${n}`)) n++;
  const block: VisualStatement = {
    sid: `VisualEditor${n}`,
    effect: "Allow",
    notAction: false,
    actions: [],
    notResource: false,
    resources: [],
    conditions: [],
    kept: [],
  };
  return { statements: [...policy.statements, block] };
}

/** Adds a condition; values for an operator and key already there join that condition's values. */
export function addCondition(s: VisualStatement, c: VisualCondition): VisualStatement {
  const at = s.conditions.findIndex((x) => x.operator === c.operator && x.key === c.key);
  if (at < 0) return { ...s, conditions: [...s.conditions, c] };
  const merged = [...s.conditions[at].values, ...c.values.filter((v) => !s.conditions[at].values.includes(v))];
  return { ...s, conditions: s.conditions.map((x, i) => (i === at ? { ...x, values: merged } : x)) };
}

export function removeCondition(s: VisualStatement, index: number): VisualStatement {
  return { ...s, conditions: s.conditions.filter((_, i) => i !== index) };
}

/** Toggles one action, keeping the others in their order. */
export function toggleAction(s: VisualStatement, action: string, on: boolean): VisualStatement {
  const has = s.actions.some((a) => a.toLowerCase() === action.toLowerCase());
  if (on === has) return s;
  return { ...s, actions: on ? [...s.actions, action] : s.actions.filter((a) => a.toLowerCase() !== action.toLowerCase()) };
}
