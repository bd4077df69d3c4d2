import type { SimulationRow } from "@/lib/queries/simulator";

/** The layers of AWS's policy evaluation logic a simulation result can point at. */
export type Layer = "identity" | "resource" | "boundary" | "scp";

export const LAYER_NAMES: Record<Layer, string> = {
  identity: "identity-based policy",
  resource: "resource-based policy",
  boundary: "permissions boundary",
  scp: "service control policy (SCP)",
};

export type Explanation = {
  /** The layer that decided a deny (the first one in AWS's evaluation order); undefined when allowed. */
  layer?: Layer;
  summary: string;
  details: string[];
};

const list = (names: string[]) => names.join(", ");
const policiesOf = (row: SimulationRow, type: string, nameOf: (id: string) => string) => [
  ...new Set(row.matchedStatements.filter((s) => s.sourcePolicyType === type).map((s) => nameOf(s.sourcePolicyId))),
];

/**
 * Says in words why AWS decided as it did, from what the simulator returns: the matched statements (identity- and
 * resource-based), PermissionsBoundaryDecisionDetail, OrganizationsDecisionDetail and EvalDecisionDetails. Layers are
 * named in the order AWS evaluates them: explicit denies, SCPs, resource-based policies, the boundary, identity.
 * `nameOf` turns a SourcePolicyId (`user_alice_ReadOnly`) into the name a person knows (`ReadOnly`).
 */
export function explain(row: SimulationRow, nameOf: (sourcePolicyId: string) => string = (id) => id): Explanation {
  const identity = policiesOf(row, "IAM Policy", nameOf);
  const resource = policiesOf(row, "Resource Policy", nameOf);
  const missing = row.missingContextValues.length
    ? [
        `The policies test context keys the simulation had no value for: ${list(row.missingContextValues)}. Enter values under Context keys to see whether their conditions hold.`,
      ]
    : [];
  const resourceDetail = row.decisionDetails?.["Resource Policy"];

  if (row.decision === "allowed") {
    const details = [];
    if (identity.length)
      details.push(`Allowed by ${identity.length === 1 ? "the identity-based policy" : "the identity-based policies"} ${list(identity)}.`);
    if (resource.length) details.push(`Allowed by the resource-based policy ${list(resource)}.`);
    if (row.allowedByBoundary) details.push("The permissions boundary allows it too.");
    if (row.allowedByOrganizations) details.push("The service control policies (SCPs) allow it.");
    return { summary: "Allowed: a policy allows the action and no policy denies it.", details: [...details, ...missing] };
  }

  if (row.decision === "explicitDeny") {
    if (identity.length) {
      return {
        layer: "identity",
        summary: `Explicitly denied by a Deny statement in the identity-based policy ${list(identity)}.`,
        details: ["An explicit deny in any policy overrides every Allow.", ...missing],
      };
    }
    if (resource.length) {
      return {
        layer: "resource",
        summary: `Explicitly denied by a Deny statement in the resource-based policy ${list(resource)}.`,
        details: ["An explicit deny in any policy overrides every Allow.", ...missing],
      };
    }
    if (row.allowedByOrganizations === false) {
      return {
        layer: "scp",
        summary: "Explicitly denied by a Deny statement in a service control policy (SCP).",
        details: ["SCPs limit every principal in the member accounts of the organization, whatever their own policies allow.", ...missing],
      };
    }
    if (row.allowedByBoundary === false) {
      return {
        layer: "boundary",
        summary: "Explicitly denied by a Deny statement in the permissions boundary.",
        details: ["An explicit deny in any policy overrides every Allow.", ...missing],
      };
    }
    return { summary: "Explicitly denied by a Deny statement.", details: missing };
  }

  if (row.allowedByOrganizations === false) {
    return {
      layer: "scp",
      summary: "Implicitly denied: no service control policy (SCP) allows it.",
      details: ["Every level of the organization, from the root down to the account, must have an SCP that allows the action.", ...missing],
    };
  }
  if (resourceDetail === "implicitDeny" && row.decisionDetails?.["IAM Policy"] === "allowed") {
    return {
      layer: "resource",
      summary: "Implicitly denied: the resource-based policy doesn't allow it.",
      details: [
        "The resource belongs to another account, so both its resource-based policy and an identity-based policy must allow the request.",
        ...missing,
      ],
    };
  }
  if (row.allowedByBoundary === false) {
    return {
      layer: "boundary",
      summary: "Implicitly denied: the permissions boundary doesn't allow it.",
      details: [
        "A permissions boundary grants nothing: an action is allowed only when an identity-based policy and the boundary both allow it.",
        ...missing,
      ],
    };
  }
  return {
    layer: "identity",
    summary: "Implicitly denied: no identity-based policy allows it.",
    details: [
      "Every request is denied unless a policy allows it. No statement matched this action and resource with its conditions met.",
      ...missing,
    ],
  };
}
