import "server-only";
import {
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type Statement,
} from "@aws-sdk/client-iam";
import { expandActions, lookupConditionKey } from "@/lib/policy/catalogue";
import type { ContextKeyType, ContextKeysQuery, SimulationSource } from "@/lib/schemas/simulator";
import { simulationSchema } from "@/lib/schemas/simulator";
import type { z } from "zod";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { entityFromArn, gatherPrincipalPolicies, type PolicySource } from "./principal-policies";

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";
export type Position = { line: number; column: number };
export type MatchedStatement = { sourcePolicyId: string; sourcePolicyType: string; start: Position; end: Position };

/** One row of the results: an action on one resource, with what AWS said about each layer. */
export type SimulationRow = {
  id: string;
  action: string;
  resource: string;
  decision: Decision;
  matchedStatements: MatchedStatement[];
  missingContextValues: string[];
  /** PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary, when a boundary took part. */
  allowedByBoundary?: boolean;
  /** OrganizationsDecisionDetail.AllowedByOrganizations, when SCPs took part. */
  allowedByOrganizations?: boolean;
  /** EvalDecisionDetails: per policy type ("IAM Policy", "Resource Policy"...), for cross-account requests. */
  decisionDetails?: Record<string, Decision>;
};
/** What each typed pattern (iam:Get*) became, and the rows. */
export type Simulation = { rows: SimulationRow[]; expanded: { pattern: string; count: number }[] };
export type ContextKey = { name: string; type: ContextKeyType };

type Ctx<I> = { principal: Principal; input: I };
type Input = z.infer<typeof simulationSchema>;

const MAX_ACTIONS = 1000;

/** Patterns become the catalogue's actions (the simulator itself takes no wildcards); unknown ones are reported at the field. */
function expand(patterns: string[]): { actions: string[]; expanded: Simulation["expanded"] } {
  const actions = new Set<string>();
  const expanded: Simulation["expanded"] = [];
  patterns.forEach((pattern, i) => {
    if (!/[*?]/.test(pattern)) return void actions.add(pattern);
    const names = expandActions(pattern);
    if (!names.length)
      throw new ServiceError("ValidationError", `${pattern} matches no action.`, 422, {
        [`actions.${i}`]: `${pattern} matches no action.`,
      });
    names.forEach((n) => actions.add(n));
    expanded.push({ pattern, count: names.length });
  });
  if (actions.size > MAX_ACTIONS) {
    const message = `The patterns expand to ${actions.size.toLocaleString("en-US")} actions. Simulate up to ${MAX_ACTIONS.toLocaleString("en-US")} at a time.`;
    throw new ServiceError("ValidationError", message, 422, { actions: message });
  }
  return { actions: [...actions], expanded };
}

const position = (p: { Line?: number; Column?: number } | undefined): Position => ({ line: p?.Line ?? 1, column: p?.Column ?? 1 });
const statements = (list: Statement[] | undefined): MatchedStatement[] =>
  (list ?? []).map((s) => ({
    sourcePolicyId: s.SourcePolicyId ?? "",
    sourcePolicyType: s.SourcePolicyType ?? "",
    start: position(s.StartPosition),
    end: position(s.EndPosition),
  }));

function rows(r: EvaluationResult): SimulationRow[] {
  const action = r.EvalActionName!;
  const common = {
    action,
    allowedByOrganizations: r.OrganizationsDecisionDetail?.AllowedByOrganizations,
  };
  const specific = r.ResourceSpecificResults ?? [];
  if (!specific.length) {
    return [
      {
        ...common,
        id: `${action}|${r.EvalResourceName ?? "*"}`,
        resource: r.EvalResourceName ?? "*",
        decision: r.EvalDecision as Decision,
        matchedStatements: statements(r.MatchedStatements),
        missingContextValues: r.MissingContextValues ?? [],
        allowedByBoundary: r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary,
        decisionDetails: r.EvalDecisionDetails as SimulationRow["decisionDetails"],
      },
    ];
  }
  return specific.map((s) => ({
    ...common,
    id: `${action}|${s.EvalResourceName}`,
    resource: s.EvalResourceName!,
    decision: s.EvalResourceDecision as Decision,
    matchedStatements: statements(s.MatchedStatements),
    missingContextValues: s.MissingContextValues ?? [],
    allowedByBoundary: s.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary,
    decisionDetails: s.EvalDecisionDetails as SimulationRow["decisionDetails"],
  }));
}

async function allResults(
  send: (marker: string | undefined) => Promise<{ EvaluationResults?: EvaluationResult[]; IsTruncated?: boolean; Marker?: string }>,
) {
  const out: EvaluationResult[] = [];
  let marker: string | undefined;
  do {
    const page = await send(marker);
    out.push(...(page.EvaluationResults ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

/** AWS's words for a bad document or value, placed at the field they are about. */
function atField(err: unknown, source: SimulationSource): ServiceError {
  const e = fromSdkError(err);
  if (e.code === "MalformedPolicyDocument")
    return new ServiceError(e.code, e.message, e.status, { [source.kind === "custom" ? "source.policies" : "boundary"]: e.message });
  if (e.code === "NoSuchEntity" && source.kind === "principal")
    return new ServiceError(e.code, e.message, e.status, { "source.arn": e.message });
  if (e.code === "InvalidInput" && /resource/i.test(e.message))
    return new ServiceError(e.code, e.message, e.status, { resources: e.message });
  if (e.code === "InvalidInput" && /context/i.test(e.message)) return new ServiceError(e.code, e.message, e.status, { context: e.message });
  return e;
}

/** SimulatePrincipalPolicy or SimulateCustomPolicy, every page, as the signed-in principal (who needs iam:Simulate*). */
export async function runSimulation({ principal, input }: Ctx<Input>): Promise<Simulation> {
  const { actions, expanded } = expand(input.actions);
  const iam = iamClient(principal);
  const common = {
    ActionNames: actions,
    ResourceArns: input.resources,
    ContextEntries: input.context.map((c) => ({ ContextKeyName: c.key, ContextKeyType: c.type, ContextKeyValues: c.values })),
    ...(input.boundary ? { PermissionsBoundaryPolicyInputList: [input.boundary] } : {}),
  };
  const { source } = input;
  try {
    const results = await allResults((Marker) =>
      source.kind === "principal"
        ? iam.send(new SimulatePrincipalPolicyCommand({ ...common, PolicySourceArn: source.arn, Marker }))
        : iam.send(new SimulateCustomPolicyCommand({ ...common, PolicyInputList: source.policies, Marker })),
    );
    return { rows: results.flatMap(rows), expanded };
  } catch (err) {
    throw atField(err, source);
  }
}

const SIMULATOR_TYPE: Record<string, ContextKeyType> = {
  String: "string",
  ArrayOfString: "stringList",
  ARN: "string",
  ArrayOfARN: "stringList",
  Bool: "boolean",
  ArrayOfBool: "booleanList",
  Numeric: "numeric",
  ArrayOfNumeric: "numericList",
  Date: "date",
  ArrayOfDate: "dateList",
  IPAddress: "ip",
  ArrayOfIPAddress: "ipList",
  Binary: "binary",
  ArrayOfBinary: "binaryList",
};

/** GetContextKeysFor{Principal,Custom}Policy, each key with the type the Service Authorization Reference gives it. */
export async function getContextKeys({ principal, input }: Ctx<ContextKeysQuery>): Promise<ContextKey[]> {
  const iam = iamClient(principal);
  const { source } = input;
  const extra = input.boundary ? [input.boundary] : [];
  try {
    const r =
      source.kind === "principal"
        ? await iam.send(
            new GetContextKeysForPrincipalPolicyCommand({
              PolicySourceArn: source.arn,
              ...(extra.length ? { PolicyInputList: extra } : {}),
            }),
          )
        : await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [...source.policies, ...extra] }));
    return (r.ContextKeyNames ?? []).map((name) => ({
      name,
      type: SIMULATOR_TYPE[lookupConditionKey(name)?.type ?? "String"] ?? "string",
    }));
  } catch (err) {
    throw atField(err, source);
  }
}

/** The policies a simulation of this user, group or role reads, with their text, to show the statements it matched. */
export async function listPolicySources({ principal, input }: Ctx<{ arn: string }>): Promise<PolicySource[]> {
  const entity = entityFromArn(input.arn);
  try {
    return await gatherPrincipalPolicies(iamClient(principal), entity);
  } catch (err) {
    throw fromSdkError(err);
  }
}
