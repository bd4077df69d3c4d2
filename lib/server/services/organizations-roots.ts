import "server-only";
import {
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  type OrganizationsClient,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { ServiceError } from "../errors";
import { allPages, toRoot, withOrganizations, type Ctx, type RootDto } from "./organizations-shared";

type PolicyTypeInput = { rootId: string; policyType: string };

const rootsOf = (org: OrganizationsClient) =>
  allPages(async (NextToken) => {
    const r = await org.send(new ListRootsCommand({ NextToken }));
    return { items: r.Roots, next: r.NextToken };
  });

/** The organization's roots (there is one) with the policy types enabled on each. */
export async function listRoots({ principal }: Ctx<unknown>): Promise<RootDto[]> {
  return withOrganizations(principal, async (org) => (await rootsOf(org)).map(toRoot));
}

/** ListRoots has no single-root read: the root is found among the organization's. */
export async function describeRoot({ principal, input }: Ctx<{ rootId: string }>): Promise<RootDto> {
  return withOrganizations(principal, async (org) => {
    const root = (await rootsOf(org)).find((r) => r.Id === input.rootId);
    if (!root) throw new ServiceError("RootNotFound", "We can't find a root with the RootId that you specified.", 400);
    return toRoot(root);
  });
}

export async function enablePolicyType({ principal, input }: Ctx<PolicyTypeInput>): Promise<RootDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(new EnablePolicyTypeCommand({ RootId: input.rootId, PolicyType: input.policyType as PolicyType }));
    return toRoot(r.Root!);
  });
}

export async function disablePolicyType({ principal, input }: Ctx<PolicyTypeInput>): Promise<RootDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(new DisablePolicyTypeCommand({ RootId: input.rootId, PolicyType: input.policyType as PolicyType }));
    return toRoot(r.Root!);
  });
}
