import "server-only";
import type { EffectivePermissions, EffectiveStatement, EffectiveStatus } from "@/lib/policy/effective";
import { cachedEffectivePermissions } from "@/lib/policy/effective/cached";
import type { PolicyInput } from "@/lib/policy/evaluate/types";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { gatherPrincipalPolicies, type Entity, type PolicySource } from "./principal-policies";

type Counts = { total: number; allowed: number; full: number; partial: number; conditional: number; blocked: number; denied: number };
export type EffectiveLevelSummary = Counts & { level: string; access: string };
export type EffectiveServiceSummary = Counts & { prefix: string; name: string; accessSummary: string; levels: EffectiveLevelSummary[] };
export type EffectivePolicy = { id: string; policyName: string; type: PolicySource["type"]; via: string; layer: PolicySource["layer"] };

/** The tab's table: every service with an allowed or denied action, per access level, and the policies it came from. */
export type EffectiveSummary = Counts & {
  services: EffectiveServiceSummary[];
  policies: EffectivePolicy[];
  unrecognized: { pattern: string; reason: "service" | "action"; policyName: string }[];
  catalogueVersion: string;
};

/** A statement behind an action: where it is and its text, to show which policy grants (or limits) it. */
export type EffectiveStatementRef = {
  policyName: string;
  layer: string;
  sid?: string;
  index: number;
  effect: "Allow" | "Deny";
  status: EffectiveStatus;
  lines: [number, number];
  text: string;
};
/**
 * An action with a grant or a deny: allowed (full, partial, conditional; `limitedBy` the Denies on some resources or
 * under conditions), blocked (granted, but the boundary allows it nowhere: `blockedBy`), or denied outright (`limitedBy`
 * the Denies).
 */
export type EffectiveActionRow = {
  action: string;
  name: string;
  status: EffectiveStatus | "blocked" | "denied";
  grantedBy: number[];
  limitedBy: number[];
  blockedBy?: string[];
};
export type EffectiveServiceDetail = {
  prefix: string;
  name: string;
  levels: (EffectiveLevelSummary & { actions: EffectiveActionRow[] })[];
  /** Indexed by the numbers in grantedBy and limitedBy. */
  statements: Record<number, EffectiveStatementRef>;
};

type Input = Entity & { service?: string };

const counts = (c: Counts): Counts => ({
  total: c.total,
  allowed: c.allowed,
  full: c.full,
  partial: c.partial,
  conditional: c.conditional,
  blocked: c.blocked,
  denied: c.denied,
});
const layerName = (l: { layer: string; level?: number }) =>
  l.layer === "boundary" ? "permissions boundary" : `SCPs at level ${(l.level ?? 0) + 1}`;
const via = (p: PolicySource) =>
  p.layer === "boundary" ? "Permissions boundary" : p.attachedTo.type === "group" ? `Group ${p.attachedTo.name}` : "Attached directly";

/** One ID per policy source: the same managed policy may be both attached and the boundary. */
const sourceId = (p: PolicySource) => `${p.layer}|${p.sourcePolicyId}`;

/**
 * The principal's policies through IAM (as the signed-in principal), then lib/policy/effective over the whole catalogue,
 * remembered by the documents' content: the summary and each service's page of the same principal compute it once.
 */
async function compute(principal: Principal, entity: Entity): Promise<{ sources: PolicySource[]; result: EffectivePermissions }> {
  let sources: PolicySource[];
  try {
    sources = await gatherPrincipalPolicies(iamClient(principal), entity);
  } catch (err) {
    throw fromSdkError(err);
  }
  const input = (p: PolicySource): PolicyInput => ({ id: sourceId(p), name: p.policyName, text: p.document });
  const boundary = sources.find((p) => p.layer === "boundary");
  const result = cachedEffectivePermissions({
    identity: sources.filter((p) => p.layer === "identity").map(input),
    ...(boundary ? { boundary: input(boundary) } : {}),
  });
  return { sources, result };
}

export async function getEffectivePermissions({ principal, input }: { principal: Principal; input: Entity }): Promise<EffectiveSummary> {
  const { sources, result } = await compute(principal, input);
  return {
    ...counts(result),
    services: result.services.map((s) => ({
      prefix: s.prefix,
      name: s.name,
      accessSummary: s.accessSummary,
      ...counts(s),
      levels: s.levels.map((l) => ({ level: l.level, access: l.access, ...counts(l) })),
    })),
    policies: sources.map((p) => ({ id: sourceId(p), policyName: p.policyName, type: p.type, via: via(p), layer: p.layer })),
    unrecognized: result.unrecognized.map((u) => ({
      pattern: u.pattern,
      reason: u.reason,
      policyName: result.statements[u.statement].policyName,
    })),
    catalogueVersion: result.catalogueVersion,
  };
}

/** A statement cut out of its policy: the lines after the first lose the indentation they all share. */
function dedent(text: string): string {
  const [first, ...rest] = text.split("\n");
  const indent = Math.min(...rest.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return [first, ...rest.map((l) => l.slice(Number.isFinite(indent) ? indent : 0))].join("\n");
}

function statementRef(s: EffectiveStatement, texts: Map<string, string>): EffectiveStatementRef {
  const text = texts.get(s.policyId) ?? "";
  return {
    policyName: s.policyName,
    layer: s.layer,
    sid: s.sid,
    index: s.index,
    effect: s.effect,
    status: s.status,
    lines: [s.start.line, s.end.line],
    text: dedent(text.slice(s.span.start, s.span.end)),
  };
}

/** One service's actions per access level, each with the statements that grant or limit it. */
export async function getEffectiveServicePermissions({
  principal,
  input,
}: {
  principal: Principal;
  input: Required<Input>;
}): Promise<EffectiveServiceDetail> {
  const { sources, result } = await compute(principal, input);
  const service = result.services.find((s) => s.prefix === input.service.toLowerCase());
  if (!service) throw new ServiceError("NotFound", `The policies allow and deny no ${input.service} action.`, 404);
  const texts = new Map(sources.map((p) => [sourceId(p), p.document]));
  const used = new Set<number>();
  const levels = service.levels.map((l) => {
    const actions: EffectiveActionRow[] = [
      ...l.allowedActions.map((a) => ({
        action: a.action,
        name: a.name,
        status: a.status,
        grantedBy: a.grantedBy,
        limitedBy: a.limitedBy,
      })),
      ...l.blockedActions.map((b) => ({
        action: b.action,
        name: b.name,
        status: "blocked" as const,
        grantedBy: b.grantedBy,
        limitedBy: [],
        blockedBy: b.blockedBy.map(layerName),
      })),
      ...l.deniedActions.map((d) => ({
        action: d.action,
        name: d.name,
        status: "denied" as const,
        grantedBy: d.grantedBy,
        limitedBy: d.deniedBy,
      })),
    ].sort((a, b) => a.name.localeCompare(b.name));
    for (const a of actions) [...a.grantedBy, ...a.limitedBy].forEach((i) => used.add(i));
    return { level: l.level, access: l.access, ...counts(l), actions };
  });
  const statements = Object.fromEntries([...used].map((i) => [i, statementRef(result.statements[i], texts)]));
  return { prefix: service.prefix, name: service.name, levels, statements };
}
