import "server-only";
import { DisablePolicyTypeCommand, EnablePolicyTypeCommand, ListRootsCommand, type PolicyType } from "@aws-sdk/client-organizations";
import { ServiceError } from "../errors";
import { allPages, toRoot, withOrganizations, type Ctx, type RootDto } from "./organizations-shared";

type PolicyTypeInput = { rootId: string; policyType: string };

/** ListRoots has no single-root read: the root is found among the organization's (there is one). */
export async function describeRoot({ principal, input }: Ctx<{ rootId: string }>): Promise<RootDto> {
  return withOrganizations(principal, async (org) => {
    const roots = await allPages(async (NextToken) => {
      const r = await org.send(new ListRootsCommand({ NextToken }));
      return { items: r.Roots, next: r.NextToken };
    });
    const root = roots.find((r) => r.Id === input.rootId);
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
