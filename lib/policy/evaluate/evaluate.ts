import { internal } from "./compile";
import { GRANT } from "./principal";
import { newState, type EvalState } from "./state";
import { statementApplies } from "./statement";
import type { CompiledPolicy, Decision, EvaluationInput, EvaluationResult, LayerResult, MatchedStatement, PolicyLayer } from "./types";

const { NONE, PARENT, SELF } = GRANT;
const EMPTY: MatchedStatement[] = [];
/** Which layers' Allow statements decided an allowed request. */
const RESOURCE = 1;
const IDENTITY = 2;
const LIMITS = 4;

/**
 * AWS's evaluation logic (IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation logic"):
 * an explicit Deny in any applicable policy wins; every SCP level must allow; then a resource-based policy or the
 * identity-based policies allow, within the permissions boundary and session policies, as the principal named decides.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const state = newState(input);
  const layers: LayerResult[] = [];
  const scps = input.scps;
  const rcps = input.rcps;
  const scpLevels = scps ? scps.length : 0;
  const levels = scpLevels + (rcps ? rcps.length : 0);
  for (let level = 0; level < scpLevels; level++) layers.push(scan(scps![level], "scp", level, state));
  for (let level = 0; level < levels - scpLevels; level++) layers.push(scan(rcps![level], "rcp", level, state));
  const resource = input.resource ? scan([input.resource.policy], "resource", undefined, state) : undefined;
  if (resource) layers.push(resource);
  const identity = scan(input.identity, "identity", undefined, state);
  layers.push(identity);
  const boundary = input.boundary ? scan([input.boundary], "boundary", undefined, state) : undefined;
  if (boundary) layers.push(boundary);
  const session = input.session ? scan(input.session, "session", undefined, state) : undefined;
  if (session) layers.push(session);
  const missing = state.missing ?? [];

  let deniedBy: PolicyLayer | undefined;
  let matched = EMPTY;
  for (let i = 0; i < layers.length; i++) {
    if (layers[i].decision !== "explicitDeny") continue;
    deniedBy ??= layers[i].layer;
    matched = join(matched, layers[i].matched);
  }
  if (deniedBy) return result("explicitDeny", deniedBy, matched, layers, missing);
  for (let i = 0; i < levels; i++) {
    if (layers[i].decision !== "allowed") return result("implicitDeny", layers[i].layer, EMPTY, layers, missing);
  }
  const path = allowPath(input, state.grant, resource, identity, boundary, session);
  if (typeof path === "string") return result("implicitDeny", path, EMPTY, layers, missing);
  for (let i = 0; i < levels; i++) matched = join(matched, layers[i].matched);
  if (path & RESOURCE) matched = join(matched, resource!.matched);
  if (path & IDENTITY) matched = join(matched, identity.matched);
  if (path & LIMITS && boundary) matched = join(matched, boundary.matched);
  if (path & LIMITS && session) matched = join(matched, session.matched);
  return result("allowed", undefined, matched, layers, missing);
}

/** The layers whose Allow decides (RESOURCE | IDENTITY | LIMITS), or the layer that failed to allow. */
function allowPath(
  input: EvaluationInput,
  grant: number,
  resource: LayerResult | undefined,
  identity: LayerResult,
  boundary: LayerResult | undefined,
  session: LayerResult | undefined,
): number | PolicyLayer {
  const who = input.request.principal;
  // Services and anonymous callers have no policies of their own: the resource-based policy alone decides.
  if (who.kind === "service" || who.kind === "anonymous") return grant === NONE ? "resource" : RESOURCE;
  // "If there is no session policy ... if the principal is a role session, then the request is Allowed. Otherwise
  // [an IAM federated user session], the request is implicitly denied."
  const sessionOk = session ? session.decision === "allowed" : who.kind !== "federated-user";
  const limitsFail = boundary && boundary.decision !== "allowed" ? "boundary" : sessionOk ? undefined : "session";
  const identityFail = identity.decision !== "allowed" ? "identity" : limitsFail;
  if (resource && input.resource!.account !== who.account) {
    // Cross-account: both the resource-based policy and the caller's own policies must allow.
    if (identityFail) return identityFail;
    return grant === NONE ? "resource" : RESOURCE | IDENTITY | LIMITS;
  }
  const required = input.resource?.required === true;
  if (required && grant === NONE) return "resource";
  if (!identityFail) return (required ? RESOURCE : 0) | IDENTITY | LIMITS;
  // Same account: a grant to the caller itself (user, role session, federated user session) is not limited by
  // implicit denies; a grant to the role or the federating user is limited by the boundary and session policies.
  if (grant === SELF) return RESOURCE;
  if (grant === PARENT) return limitsFail ?? RESOURCE | LIMITS;
  return identityFail;
}

function scan(policies: CompiledPolicy[], layer: PolicyLayer, level: number | undefined, state: EvalState): LayerResult {
  let allows = EMPTY;
  let denies = EMPTY;
  // RCPs name principals like resource-based policies, but never grant: only the resource-based policy sets the grant.
  const resourceLayer = layer === "resource";
  const matchPrincipal = resourceLayer || layer === "rcp";
  const slot = level === undefined ? SLOTS[layer] : SLOTS[layer] + 2 * level;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    const statements = internal(policy).data.statements;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      const strength = statementApplies(s, state, matchPrincipal);
      if (strength === NONE) continue;
      const m = reported(policy, i, slot, layer, level);
      if (s.effect === "Deny") denies = denies === EMPTY ? [m] : (denies.push(m), denies);
      else {
        allows = allows === EMPTY ? [m] : (allows.push(m), allows);
        if (resourceLayer && strength > state.grant) state.grant = strength;
      }
    }
  }
  const decision: Decision = denies.length ? "explicitDeny" : allows.length ? "allowed" : "implicitDeny";
  const matched = denies.length ? denies : allows;
  return level === undefined ? { layer, decision, matched } : { layer, level, decision, matched };
}

/** Where each layer's reported statements are cached; SCP and RCP levels interleave from 4 (scp) and 5 (rcp) up. */
const SLOTS: Record<PolicyLayer, number> = { identity: 0, boundary: 1, session: 2, resource: 3, scp: 4, rcp: 5 };

/** The statement as results name it, made once per policy, layer and level and shared (frozen) after that. */
function reported(policy: CompiledPolicy, index: number, slot: number, layer: PolicyLayer, level: number | undefined): MatchedStatement {
  const { data, reported: cache } = internal(policy);
  const list = (cache[slot] ??= []);
  const made = list[index];
  if (made) return made;
  const s = data.statements[index];
  const input = policy.input;
  const m: MatchedStatement = {
    policyId: input.id,
    policyName: input.name,
    layer,
    index: s.index,
    effect: s.effect,
    span: s.span,
    start: s.start,
    end: s.end,
  };
  if (input.sourceType !== undefined) m.sourceType = input.sourceType;
  if (level !== undefined) m.level = level;
  if (s.sid !== undefined) m.sid = s.sid;
  return (list[index] = Object.freeze(m) as MatchedStatement);
}

function join(a: MatchedStatement[], b: MatchedStatement[]): MatchedStatement[] {
  return b.length === 0 ? a : a === EMPTY ? b : a.concat(b);
}

function result(
  decision: Decision,
  deniedBy: PolicyLayer | undefined,
  matched: MatchedStatement[],
  layers: LayerResult[],
  missing: string[],
): EvaluationResult {
  const out: EvaluationResult = { decision, matched: matched === EMPTY ? [] : matched, layers, missingContextValues: missing };
  if (deniedBy) out.deniedBy = deniedBy;
  return out;
}
