import { internal } from "./compile";
import { NONE, PARENT, SELF } from "./principal";
import { newState, type EvalState } from "./state";
import { statementApplies } from "./statement";
import type {
  CompiledPolicy, Decision, EvaluationInput, EvaluationResult, LayerResult, MatchedStatement, PolicyLayer,
} from "./types";

type Scan = LayerResult & { allows: MatchedStatement[]; denies: MatchedStatement[]; grant: number };

const EMPTY: MatchedStatement[] = [];

/**
 * AWS's evaluation logic (IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation logic"):
 * an explicit Deny in any applicable policy wins; every SCP level must allow; then a resource-based policy or the
 * identity-based policies allow, within the permissions boundary and session policies, as the principal named decides.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const state = newState(input);
  const layers: Scan[] = [];
  const scps = input.scps ?? [];
  for (let level = 0; level < scps.length; level++) layers.push(scan(scps[level], "scp", level, state));
  const resource = input.resource ? scan([input.resource.policy], "resource", undefined, state) : undefined;
  if (resource) layers.push(resource);
  const identity = scan(input.identity, "identity", undefined, state);
  layers.push(identity);
  const boundary = input.boundary ? scan([input.boundary], "boundary", undefined, state) : undefined;
  if (boundary) layers.push(boundary);
  const session = input.session ? scan(input.session, "session", undefined, state) : undefined;
  if (session) layers.push(session);
  const missingContextValues = state.missing ?? [];

  let denied: Scan | undefined;
  let denies: MatchedStatement[] = EMPTY;
  for (const l of layers) {
    if (!l.denies.length) continue;
    denied ??= l;
    denies = denies === EMPTY ? l.denies : denies.concat(l.denies);
  }
  if (denied) return result("explicitDeny", denied.layer, denies, layers, missingContextValues);

  for (let i = 0; i < scps.length; i++) {
    if (!layers[i].allows.length) return result("implicitDeny", "scp", EMPTY, layers, missingContextValues);
  }
  const path = allowPath(input, state, { resource, identity, boundary, session });
  if (typeof path === "string") return result("implicitDeny", path, EMPTY, layers, missingContextValues);
  let matched = EMPTY;
  for (let i = 0; i < scps.length; i++) matched = join(matched, layers[i].allows);
  for (const l of path) matched = join(matched, l.allows);
  return result("allowed", undefined, matched, layers, missingContextValues);
}

type Scans = { resource?: Scan; identity: Scan; boundary?: Scan; session?: Scan };

/** The layers whose Allow decides, or the layer that failed to allow. */
function allowPath(input: EvaluationInput, state: EvalState, s: Scans): Scan[] | PolicyLayer {
  const who = input.request.principal;
  const grant = s.resource?.grant ?? NONE;
  const boundaryOk = !s.boundary || s.boundary.allows.length > 0;
  // "If there is no session policy ... if the principal is a role session, then the request is Allowed. Otherwise
  // [an IAM federated user session], the request is implicitly denied."
  const sessionOk = s.session ? s.session.allows.length > 0 : who.kind !== "federated-user";
  const limits = (): Scan[] | PolicyLayer => {
    if (!boundaryOk) return "boundary";
    if (!sessionOk) return "session";
    return [s.boundary, s.session].filter((l): l is Scan => l !== undefined);
  };
  const viaIdentity = (): Scan[] | PolicyLayer => {
    if (!s.identity.allows.length) return "identity";
    const rest = limits();
    return typeof rest === "string" ? rest : [s.identity, ...rest];
  };
  // Services and anonymous callers have no policies of their own: the resource-based policy alone decides.
  if (who.kind === "service" || who.kind === "anonymous") return grant === NONE ? "resource" : [s.resource!];
  const crossAccount = input.resource !== undefined && input.resource.account !== who.account;
  if (crossAccount) {
    // Both the resource-based policy and the caller's own policies must allow.
    const own = viaIdentity();
    if (typeof own === "string") return own;
    return grant === NONE ? "resource" : [s.resource!, ...own];
  }
  if (input.resource?.required && grant === NONE) return "resource";
  const own = viaIdentity();
  if (typeof own !== "string") return input.resource?.required ? [s.resource!, ...own] : own;
  // Same account: a grant to the caller itself (user, role session, federated user session) is not limited by
  // implicit denies; a grant to the role or the federating user is limited by the boundary and session policies.
  if (grant === SELF) return [s.resource!];
  if (grant === PARENT) {
    const rest = limits();
    return typeof rest === "string" ? rest : [s.resource!, ...rest];
  }
  return own;
}

function scan(policies: CompiledPolicy[], layer: PolicyLayer, level: number | undefined, state: EvalState): Scan {
  let allows = EMPTY;
  let denies = EMPTY;
  let grant = NONE;
  const resourceLayer = layer === "resource";
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    const statements = internal(policy).data.statements;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      const strength = statementApplies(s, state, resourceLayer);
      if (strength === NONE) continue;
      const m = reported(policy, i, layer, level);
      if (s.effect === "Deny") denies = denies === EMPTY ? [m] : (denies.push(m), denies);
      else {
        allows = allows === EMPTY ? [m] : (allows.push(m), allows);
        if (strength > grant) grant = strength;
      }
    }
  }
  const decision: Decision = denies.length ? "explicitDeny" : allows.length ? "allowed" : "implicitDeny";
  const out: Scan = { layer, decision, matched: denies.length ? denies : allows, allows, denies, grant };
  if (level !== undefined) out.level = level;
  return out;
}

const SCP_KEYS = Array.from({ length: 8 }, (_, i) => `scp:${i}`);

/** The statement as results name it, made once per policy, layer and level and shared (frozen) after that. */
function reported(policy: CompiledPolicy, index: number, layer: PolicyLayer, level: number | undefined): MatchedStatement {
  const { data, reported: cache } = internal(policy);
  const key = level === undefined ? layer : (SCP_KEYS[level] ?? `scp:${level}`);
  let list = cache.get(key);
  if (!list) {
    list = [];
    cache.set(key, list);
  }
  let m = list[index];
  if (!m) {
    const s = data.statements[index];
    const input = policy.input;
    const made: MatchedStatement = {
      policyId: input.id, policyName: input.name, layer, index: s.index, effect: s.effect, span: s.span, start: s.start, end: s.end,
    };
    if (input.sourceType !== undefined) made.sourceType = input.sourceType;
    if (level !== undefined) made.level = level;
    if (s.sid !== undefined) made.sid = s.sid;
    m = list[index] = Object.freeze(made) as MatchedStatement;
  }
  return m;
}

const join = (a: MatchedStatement[], b: MatchedStatement[]) => (b.length === 0 ? a : a === EMPTY ? b.slice() : a.concat(b));

function result(
  decision: Decision, deniedBy: PolicyLayer | undefined, matched: MatchedStatement[], scans: Scan[], missing: string[],
): EvaluationResult {
  const layers: LayerResult[] = scans.map(({ layer, level, decision: d, matched: m }) =>
    level === undefined ? { layer, decision: d, matched: m } : { layer, level, decision: d, matched: m },
  );
  const out: EvaluationResult = { decision, matched: matched === EMPTY ? [] : matched, layers, missingContextValues: missing };
  if (deniedBy) out.deniedBy = deniedBy;
  return out;
}
