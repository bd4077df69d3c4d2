import { compilePolicy, contextKeysOf, evaluate } from "../../lib/policy/evaluate";
import type { ContextValue, PolicyInput, PrincipalInfo } from "../../lib/policy/evaluate/types";
import type { Ctx, Handlers } from "../context";
import { orgLayers } from "../authz/org-layers";
import { invalidInput, noSuchEntity } from "../protocol/errors";
import { parsePrincipalArn, principalPolicies, type PrincipalPolicies } from "../authz/principal-policies";
import { assertPolicyDocument } from "./policy-document";
import { arrayPage } from "./shared";
import { applyExclusions, type PolicyIdentifier } from "./simulator-exclusions";
import {
  callerInfo,
  checkActions,
  checkResources,
  checkScenario,
  contextFrom,
  ownerAccount,
  policyInputs,
  resourceAccount,
  resourcePolicyInput,
  type ContextEntry,
} from "./simulator-input";
import { evaluationResult, type ResourceEvaluation } from "./simulator-results";

type SimulationInput = {
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
};
type PrincipalInput = SimulationInput & { PolicySourceArn: string; PolicyExclusionList?: PolicyIdentifier[] };
type CustomInput = SimulationInput & { OrderedOrganizationPolicyInputList?: { ServiceControlPolicyInputList?: string[] }[] };

type Policies = { identity: PolicyInput[]; boundary?: PolicyInput; scps?: PolicyInput[][] };

/** The user, group or role a PolicySourceArn names, in the caller's own account; NoSuchEntity as GetUser words it. */
function sourcePolicies(ctx: Ctx, arn: string): PrincipalPolicies {
  const p = /^arn:aws:sts::/.test(arn) ? undefined : parsePrincipalArn(arn);
  if (!p) throw invalidInput(`Invalid Entity Arn: ${arn} does not clearly define entity type and name.`);
  if (p.account !== ctx.accountId) {
    throw invalidInput(
      `Invalid Policy Source Arn: caller's account ${ctx.accountId} does not have access to policies in account ${p.account}`,
    );
  }
  const policies = principalPolicies(ctx.db, arn);
  if (!policies) throw noSuchEntity(`The ${p.type} with name ${p.name} cannot be found.`);
  return policies;
}

function boundaryInput(texts: string[] | undefined): PolicyInput | undefined {
  if (texts && texts.length > 1) throw invalidInput("Only one permissions boundary policy can be simulated at a time.");
  return policyInputs(texts, "PermissionsBoundaryPolicyInputList")[0];
}

/** Evaluates every action on every resource (a page of actions at a time) and shapes AWS's EvaluationResults. */
function simulate(ctx: Ctx, input: SimulationInput, policies: Policies, caller: PrincipalInfo) {
  checkActions(input.ActionNames);
  const named = input.ResourceArns?.length ? input.ResourceArns : ["*"];
  checkResources(named);
  checkScenario(input.ResourceHandlingOption, named);
  const owner = ownerAccount(input.ResourceOwner);
  const resourcePolicy = resourcePolicyInput(input.ResourcePolicy);
  const context = contextFrom(input.ContextEntries);

  const all = [...policies.identity, ...(policies.boundary ? [policies.boundary] : []), ...(resourcePolicy ? [resourcePolicy] : [])];
  const texts = new Map(all.map((p) => [p.id, p.text]));
  const identity = policies.identity.map(compilePolicy);
  const boundary = policies.boundary && compilePolicy(policies.boundary);
  const scps = policies.scps?.map((level) => level.map(compilePolicy));
  const resource = resourcePolicy && compilePolicy(resourcePolicy);
  const options = {
    callerAccount: caller.account,
    specific: named.some((r) => r !== "*"),
    hasBoundary: boundary !== undefined,
    hasScps: scps !== undefined,
    missing: missingKeys([...texts.values()], context),
    textOf: (id: string) => texts.get(id) ?? "",
  };

  const page = arrayPage(input, input.ActionNames);
  const results = page.items.map((action) => {
    const evaluations: ResourceEvaluation[] = named.map((r) => {
      const account = resourceAccount(r, owner, caller.account);
      const request = { action, resource: r, principal: caller, context };
      const result = evaluate({ request, identity, boundary, scps, resource: resource && { policy: resource, account } });
      return { resource: r, account, result };
    });
    return evaluationResult(action, evaluations, options);
  });
  return { EvaluationResults: results, IsTruncated: page.IsTruncated, ...(page.Marker ? { Marker: page.Marker } : {}) };
}

const keysByText = new Map<string, string[]>();

/** contextKeysOf, one policy at a time and cached: AWS managed policies run to 100+ KB and parse in milliseconds. */
function contextKeys(texts: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    let keys = keysByText.get(text);
    if (!keys) {
      if (keysByText.size >= 500) keysByText.clear();
      keysByText.set(text, (keys = contextKeysOf([text])));
    }
    for (const k of keys) if (!seen.has(k.toLowerCase()) && seen.add(k.toLowerCase())) out.push(k);
  }
  return out;
}

/** AWS lists every context key its input policies reference that the request did not supply, whatever the action. */
function missingKeys(texts: string[], context: Record<string, ContextValue>): string[] {
  const given = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  return contextKeys(texts).filter((k) => !given.has(k.toLowerCase()));
}

function simulatePrincipalPolicy(input: PrincipalInput, ctx: Ctx) {
  const own = applyExclusions(sourcePolicies(ctx, input.PolicySourceArn), input.PolicyExclusionList);
  const extra = policyInputs(input.PolicyInputList, "PolicyInputList");
  const boundary = input.PermissionsBoundaryPolicyInputList?.length
    ? boundaryInput(input.PermissionsBoundaryPolicyInputList)
    : own.boundary;
  const caller = callerInfo(input.CallerArn ?? input.PolicySourceArn);
  // The principal's account's SCPs apply as enforcement applies them (none in the management account or outside an
  // organization); SimulateCustomPolicy takes only the SCP levels it is given.
  const source = /^arn:aws:iam::(\d{12}):/.exec(input.PolicySourceArn)?.[1];
  const scps = source ? orgLayers(ctx.db, source)?.scps?.map((level) => level.map((p) => p.input)) : undefined;
  return simulate(ctx, input, { identity: [...own.identity, ...extra], boundary, scps }, caller);
}

function simulateCustomPolicy(input: CustomInput, ctx: Ctx) {
  const identity = policyInputs(input.PolicyInputList, "PolicyInputList");
  const boundary = boundaryInput(input.PermissionsBoundaryPolicyInputList);
  const levels = input.OrderedOrganizationPolicyInputList;
  const scps = levels?.length
    ? levels.map((l, i) =>
        policyInputs(l.ServiceControlPolicyInputList, `OrderedOrganizationPolicyInputList.${i + 1}.ServiceControlPolicyInputList`, "scp"),
      )
    : undefined;
  if (input.ResourcePolicy !== undefined && input.CallerArn === undefined) {
    throw invalidInput("Invalid caller - CallerArn must be specified when a ResourcePolicy is included in the simulation.");
  }
  const caller: PrincipalInfo = input.CallerArn
    ? callerInfo(input.CallerArn)
    : { arn: ctx.caller.arn, account: ctx.accountId, kind: ctx.caller.type === "root" ? "root" : "user" };
  return simulate(ctx, input, { identity, boundary, scps }, caller);
}

function contextKeysForCustomPolicy(input: { PolicyInputList: string[] }) {
  for (const text of input.PolicyInputList) assertPolicyDocument(text, "identity");
  return { ContextKeyNames: contextKeys(input.PolicyInputList) };
}

function contextKeysForPrincipalPolicy(input: { PolicySourceArn: string; PolicyInputList?: string[] }, ctx: Ctx) {
  const own = sourcePolicies(ctx, input.PolicySourceArn).identity.map((p) => p.text);
  const extra = input.PolicyInputList ?? [];
  for (const text of extra) assertPolicyDocument(text, "identity");
  return { ContextKeyNames: contextKeys([...own, ...extra]) };
}

export const simulatorHandlers: Handlers = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  GetContextKeysForPrincipalPolicy: contextKeysForPrincipalPolicy,
  GetContextKeysForCustomPolicy: contextKeysForCustomPolicy,
};
