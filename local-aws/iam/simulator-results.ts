import type { Decision, EvaluationResult, LayerResult, MatchedStatement, PolicyLayer } from "../../lib/policy/evaluate/types";
import { lookupAction } from "../../lib/policy/catalogue";

type Position = { Line: number; Column: number };
export type StatementOut = { SourcePolicyId: string; SourcePolicyType: string; StartPosition: Position; EndPosition: Position };

/** One evaluation of an action on one resource, and the account that owns the resource. */
export type ResourceEvaluation = { resource: string; account: string; result: EvaluationResult };

export type ResultOptions = {
  callerAccount: string;
  /** Resources named in ResourceArns (not just "*"): per-resource results and an ARN template as EvalResourceName. */
  specific: boolean;
  hasBoundary: boolean;
  hasScps: boolean;
  missing: string[];
  textOf: (policyId: string) => string;
};

/** AWS names the policy types of MatchedStatements and EvalDecisionDetails in words, not with the API's enum values. */
const TYPE_NAMES: Partial<Record<PolicyLayer, string>> = {
  identity: "IAM Policy",
  resource: "Resource Policy",
  boundary: "Permissions Boundary Policy",
};
const RANK: Record<Decision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

const positions = new WeakMap<MatchedStatement, [Position, Position]>();

/**
 * AWS reports where its JSON parser stood: a statement starts just after the token before it (the `[` of the
 * Statement list, the previous statement's `}`, or its own `{` when Statement is one object) and ends after its `}`;
 * lines and columns count from 1.
 */
function statementPositions(m: MatchedStatement, text: string): [Position, Position] {
  let cached = positions.get(m);
  if (!cached) {
    let j = m.span.start - 1;
    while (j >= 0 && /\s/.test(text[j])) j--;
    let start = m.span.start + 1;
    if (text[j] === "[") start = j + 1;
    else if (text[j] === ",") {
      j--;
      while (j >= 0 && /\s/.test(text[j])) j--;
      start = j + 1;
    }
    cached = [position(text, start), position(text, m.span.end)];
    if (Object.isFrozen(m)) positions.set(m, cached);
  }
  return cached;
}

function position(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { Line: line, Column: offset - lineStart + 1 };
}

/** Only identity-based and resource-based statements are listed; SCPs and boundaries have their own details. */
function statements(result: EvaluationResult, o: ResultOptions): StatementOut[] {
  const out: StatementOut[] = [];
  for (const m of result.matched) {
    if (m.layer !== "identity" && m.layer !== "resource") continue;
    const [StartPosition, EndPosition] = statementPositions(m, o.textOf(m.policyId));
    out.push({ SourcePolicyId: m.policyName, SourcePolicyType: TYPE_NAMES[m.layer]!, StartPosition, EndPosition });
  }
  return out;
}

const layerDecision = (result: EvaluationResult, layer: PolicyLayer): Decision | undefined =>
  result.layers.find((l: LayerResult) => l.layer === layer)?.decision;

const organizationsAllow = (result: EvaluationResult) => result.layers.every((l) => l.layer !== "scp" || l.decision === "allowed");

/** Per policy type, for cross-account simulations only; absent once an SCP has denied. */
function decisionDetails(e: ResourceEvaluation, o: ResultOptions): Record<string, Decision> | undefined {
  if (e.account === o.callerAccount || !organizationsAllow(e.result)) return undefined;
  const out: Record<string, Decision> = {};
  for (const layer of ["identity", "resource", "boundary"] as const) {
    const d = layerDecision(e.result, layer);
    if (d) out[TYPE_NAMES[layer]!] = d;
  }
  return out;
}

const boundaryDetail = (result: EvaluationResult) => ({ AllowedByPermissionsBoundary: layerDecision(result, "boundary") === "allowed" });

function resourceResult(e: ResourceEvaluation, o: ResultOptions) {
  const details = decisionDetails(e, o);
  return {
    EvalResourceName: e.resource,
    EvalResourceDecision: e.result.decision,
    MatchedStatements: statements(e.result, o),
    MissingContextValues: o.missing,
    ...(details ? { EvalDecisionDetails: details } : {}),
    ...(o.hasBoundary ? { PermissionsBoundaryDecisionDetail: boundaryDetail(e.result) } : {}),
  };
}

/**
 * One EvaluationResult per action: the most restrictive decision across the resources, the statements behind it,
 * and (for named resources) each resource's own result.
 */
export function evaluationResult(action: string, evaluations: ResourceEvaluation[], o: ResultOptions) {
  const perResource = evaluations.map((e) => resourceResult(e, o));
  let decision: Decision = "allowed";
  for (const e of evaluations) if (RANK[e.result.decision] > RANK[decision]) decision = e.result.decision;
  const matched = new Map<string, StatementOut>();
  perResource.forEach((r, i) => {
    if (evaluations[i].result.decision !== decision) return;
    for (const s of r.MatchedStatements) {
      matched.set(`${s.SourcePolicyId}\u0000${s.StartPosition.Line}:${s.StartPosition.Column}`, s);
    }
  });
  const details = aggregateDetails(perResource, evaluations, o);
  return {
    EvalActionName: action,
    EvalResourceName: o.specific
      ? resourceTemplate(
          action,
          evaluations.map((e) => e.resource),
        )
      : "*",
    EvalDecision: decision,
    MatchedStatements: [...matched.values()],
    MissingContextValues: o.missing,
    ...(o.hasScps
      ? { OrganizationsDecisionDetail: { AllowedByOrganizations: evaluations.every((e) => organizationsAllow(e.result)) } }
      : {}),
    ...(o.hasBoundary
      ? {
          PermissionsBoundaryDecisionDetail: {
            AllowedByPermissionsBoundary: evaluations.every((e) => boundaryDetail(e.result).AllowedByPermissionsBoundary),
          },
        }
      : {}),
    ...(details ? { EvalDecisionDetails: details } : {}),
    ...(o.specific ? { ResourceSpecificResults: perResource } : {}),
  };
}

/** The most restrictive decision per policy type; present but empty for same-account simulations of named resources. */
function aggregateDetails(perResource: ReturnType<typeof resourceResult>[], evaluations: ResourceEvaluation[], o: ResultOptions) {
  if (!evaluations.every((e) => organizationsAllow(e.result))) return undefined;
  const out: Record<string, Decision> = {};
  let any = false;
  for (const r of perResource) {
    if (!r.EvalDecisionDetails) continue;
    any = true;
    for (const [k, d] of Object.entries(r.EvalDecisionDetails)) if (!out[k] || RANK[d] > RANK[out[k]]) out[k] = d;
  }
  return any || o.specific ? out : undefined;
}

const templates = new Map<string, RegExp>();

function templateRegex(pattern: string): RegExp {
  let re = templates.get(pattern);
  if (!re) {
    const source = pattern
      .split(/\$\{[^}]*\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    templates.set(pattern, (re = new RegExp(`^${source}$`)));
  }
  return re;
}

/** The ARN format of the action's resource type that the named resources have (the Service Authorization Reference's). */
function resourceTemplate(action: string, resources: string[]): string {
  const types = lookupAction(action)?.resourceTypes ?? [];
  if (!types.length) return "*";
  const named = resources.filter((r) => r !== "*");
  const fits = types.find((t) => named.some((r) => templateRegex(t.arnPattern).test(r)));
  return (fits ?? types.find((t) => t.required) ?? types[0]).arnPattern;
}
