import { lookupAction } from "../catalogue";
import { compilePolicy, evaluate } from "../evaluate";
import type { CompiledPolicy, EvaluationInput, RequestContext } from "../evaluate/types";
import { templatesFor } from "../lint/arn-patterns";
import { parsePolicy } from "../parse";
import type { Policy, Statement } from "../types";
import { actionGroups, groupSummary, type ActionGroup } from "./actions";
import { sampleContexts } from "./contexts";
import { accountUser, samplePrincipals, type SamplePrincipal } from "./principals";
import { instantiateArn, mayNameService, templateArns } from "./resources";
import type { AccessToCheck, CheckOptions, NewAccessKind, NewAccessWitness } from "./types";

export const SAMPLE_ACCOUNT = "111122223333";
/** Evaluations one check may make: a bound for pathological documents, far above what real policies need. */
const MAX_EVALUATIONS = 200_000;

const ALLOW_ALL = compilePolicy({
  id: "clef:allow-all",
  name: "AllowAll",
  text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
});

type Side = { policy?: CompiledPolicy; parsed?: Policy };

const side = (text: string | undefined, id: string): Side => {
  const parsed = text === undefined ? undefined : parsePolicy(text);
  return parsed ? { parsed, policy: compilePolicy({ id, name: id, text: text! }) } : {};
};

/** Whether the document alone lets the request through: allows it (identity, trust) or does not block it (SCP, RCP). */
function allows(kind: NewAccessKind, policy: CompiledPolicy | undefined, request: RequestContext, account: string): boolean {
  if (!policy) return false;
  const input: EvaluationInput =
    kind === "identity"
      ? { request, identity: [policy] }
      : kind === "trust"
        ? { request, identity: [ALLOW_ALL], resource: { policy, account, required: true } }
        : kind === "scp"
          ? { request, identity: [ALLOW_ALL], scps: [[policy]] }
          : { request, identity: [ALLOW_ALL], rcps: [[policy]] };
  return evaluate(input).decision === "allowed";
}

/**
 * Requests `next` lets through and `previous` (when given) does not, one per group of actions (and, for trust
 * policies and RCPs, per caller), each decided by `evaluate` on both documents.
 */
export function findNewAccess(
  previousText: string | undefined,
  nextText: string,
  kind: NewAccessKind,
  options: CheckOptions,
  access?: AccessToCheck,
): NewAccessWitness[] {
  const next = side(nextText, "new");
  if (!next.parsed) return [];
  const previous = side(previousText, "existing");
  const added = next.parsed.Statement;
  const existing = previous.parsed?.Statement ?? [];
  const statements = [...added, ...existing];
  const account = options.account ?? SAMPLE_ACCOUNT;
  const variables = next.parsed.Version === "2012-10-17" || previous.parsed?.Version === "2012-10-17";

  const patterns = statements.flatMap((s) => [...(s.Action ?? []), ...(s.NotAction ?? [])]);
  const anyAction = statements.some((s) => s.NotAction);
  const groups = actionGroups(patterns, anyAction, access?.actions);
  const principals: SamplePrincipal[] = kind === "trust" || kind === "rcp" ? samplePrincipals(statements, account) : [accountUser(account)];
  const contexts = sampleContexts(added, existing, variables ? variableKeys(statements) : []);
  const roleArn = options.roleArn ?? `arn:aws:iam::${account}:role/example-role`;
  const resourcePatterns = [...new Set(statements.flatMap((s) => [...(s.Resource ?? []), ...(s.NotResource ?? [])]))];

  const witnesses: NewAccessWitness[] = [];
  let budget = MAX_EVALUATIONS;
  for (const group of groups) {
    const action = group.actions[0];
    const resources =
      kind === "trust"
        ? [roleArn]
        : access?.resources?.length
          ? fixed(access.resources, account, action, variables)
          : candidates(action, resourcePatterns, account, variables);
    for (const principal of principals) {
      const found = search(action, resources, contexts, principal, (request) => {
        budget -= 2;
        return budget > 0 && allows(kind, next.policy, request, account) && !allows(kind, previous.policy, request, account);
      });
      if (found) witnesses.push(witness(found, group, principal, kind));
      if (found && kind !== "trust" && kind !== "rcp") break;
    }
  }
  return witnesses;
}

function search(
  action: string,
  resources: string[],
  contexts: Record<string, string | string[]>[],
  principal: SamplePrincipal,
  isNew: (r: RequestContext) => boolean,
): RequestContext | undefined {
  for (const resource of resources) {
    for (const context of contexts) {
      const request: RequestContext = { action, resource, principal: principal.info, context };
      if (isNew(request)) return request;
    }
  }
  return undefined;
}

function witness(request: RequestContext, group: ActionGroup, principal: SamplePrincipal, kind: NewAccessKind): NewAccessWitness {
  const out: NewAccessWitness = { request, actions: group.actions, summary: groupSummary(group) };
  if (group.accessLevel) out.accessLevel = group.accessLevel;
  if (kind === "trust" || kind === "rcp") out.principal = principal.label;
  return out;
}

const service = (action: string) => action.slice(0, Math.max(0, action.indexOf(":"))) || action;

/** Resources for the action: each Resource pattern made concrete, and its resource types' ARN templates filled in. */
function candidates(action: string, patterns: string[], account: string, variables: boolean): string[] {
  const svc = service(action);
  const info = lookupAction(action);
  const out = new Set<string>();
  for (const p of patterns) {
    if (!mayNameService(p, svc)) continue;
    const arn = instantiateArn(p, account, svc, variables);
    if (arn !== undefined) out.add(arn);
  }
  for (const arn of templateArns(info, account)) out.add(arn);
  // An example reads best on a resource the action really takes (PutObject on an object, not on the bucket).
  const types = new Set(info?.resourceTypes.map((r) => r.name));
  const own = (templatesFor(svc) ?? []).filter((t) => types.has(t.resourceType));
  const takes = (arn: string) => own.some((t) => t.regex.test(arn));
  return [...out].sort((a, b) => Number(takes(b)) - Number(takes(a)));
}

function fixed(resources: string[], account: string, action: string, variables: boolean): string[] {
  return [...new Set(resources.map((r) => instantiateArn(r, account, service(action), variables) ?? "*"))];
}

function variableKeys(statements: Statement[]): string[] {
  const keys = new Set<string>();
  for (const s of statements) {
    for (const r of [...(s.Resource ?? []), ...(s.NotResource ?? [])]) {
      for (const m of r.matchAll(/\$\{([^},]*)/g)) {
        const key = m[1].trim();
        if (key && !["*", "?", "$"].includes(key)) keys.add(key);
      }
    }
  }
  return [...keys];
}
