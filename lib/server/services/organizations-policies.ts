import "server-only";
import {
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribePolicyCommand,
  ListPoliciesCommand,
  UpdatePolicyCommand,
  type Policy,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { allPages, toPolicySummary, withOrganizations, type Ctx, type OrgPolicySummary } from "./organizations-shared";
import { enforceAccessChecks } from "./access-checks";

export type OrgPolicy = OrgPolicySummary & { content: string };

type CreatePolicyInput = { type: string; name: string; description: string; content: string; tags: { Key: string; Value: string }[] };
type UpdatePolicyInput = { policyId: string; name: string; description: string; content: string };

const toPolicy = (p: Policy): OrgPolicy => ({ ...toPolicySummary(p.PolicySummary!), content: p.Content ?? "" });

/** The policies of one type: AWS managed (FullAWSAccess, RCPFullAWSAccess) and the organization's own. */
export async function listPolicies({ principal, input }: Ctx<{ type: string }>): Promise<OrgPolicySummary[]> {
  return withOrganizations(principal, async (org) => {
    const all = await allPages(async (NextToken) => {
      const r = await org.send(new ListPoliciesCommand({ Filter: input.type as PolicyType, NextToken }));
      return { items: r.Policies, next: r.NextToken };
    });
    return all.map(toPolicySummary);
  });
}

export async function describePolicy({ principal, input }: Ctx<{ policyId: string }>): Promise<OrgPolicy> {
  return withOrganizations(principal, async (org) =>
    toPolicy((await org.send(new DescribePolicyCommand({ PolicyId: input.policyId }))).Policy!),
  );
}

/** The kind of document lib/policy reads an Organizations policy type as: SCPs and RCPs are checked, other types not. */
const KINDS: Record<string, "scp" | "rcp"> = { SERVICE_CONTROL_POLICY: "scp", RESOURCE_CONTROL_POLICY: "rcp" };

export async function createPolicy({ principal, input }: Ctx<CreatePolicyInput>): Promise<OrgPolicy> {
  if (KINDS[input.type]) await enforceAccessChecks(principal, input.content, KINDS[input.type]);
  return withOrganizations(principal, async (org) => {
    const r = await org.send(
      new CreatePolicyCommand({
        Type: input.type as PolicyType,
        Name: input.name,
        Description: input.description,
        Content: input.content,
        Tags: input.tags.length ? input.tags : undefined,
      }),
    );
    return toPolicy(r.Policy!);
  });
}

export async function updatePolicy({ principal, input }: Ctx<UpdatePolicyInput>): Promise<OrgPolicy> {
  return withOrganizations(principal, async (org) => {
    if (input.content !== undefined) {
      const type = (await org.send(new DescribePolicyCommand({ PolicyId: input.policyId }))).Policy?.PolicySummary?.Type;
      if (type && KINDS[type]) await enforceAccessChecks(principal, input.content, KINDS[type]);
    }
    const r = await org.send(
      new UpdatePolicyCommand({ PolicyId: input.policyId, Name: input.name, Description: input.description, Content: input.content }),
    );
    return toPolicy(r.Policy!);
  });
}

export async function deletePolicy({ principal, input }: Ctx<{ policyId: string }>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new DeletePolicyCommand({ PolicyId: input.policyId }));
    return { ok: true as const };
  });
}
