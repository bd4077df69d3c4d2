import "server-only";
import {
  CreateOrganizationCommand,
  DeleteOrganizationCommand,
  DescribeOrganizationCommand,
  EnablePolicyTypeCommand,
  LeaveOrganizationCommand,
  ListRootsCommand,
} from "@aws-sdk/client-organizations";
import type { Principal } from "../principal";
import { toOrganization, withOrganizations, type OrganizationDto } from "./organizations-shared";

/** The caller's organization, or null when its account belongs to none (AWSOrganizationsNotInUseException). */
export async function describeOrganization({ principal }: { principal: Principal }): Promise<{ organization: OrganizationDto | null }> {
  return withOrganizations(principal, async (org) => {
    try {
      const r = await org.send(new DescribeOrganizationCommand({}));
      return { organization: toOrganization(r.Organization!) };
    } catch (err) {
      if ((err as { name?: string }).name === "AWSOrganizationsNotInUseException") return { organization: null };
      throw err;
    }
  });
}

/**
 * "Create an organization" as AWS's console does it: an all-features organization, then service control policies
 * enabled on its root (the API itself enables no policy type).
 */
export async function createOrganization({ principal }: { principal: Principal }): Promise<OrganizationDto> {
  return withOrganizations(principal, async (org) => {
    const { Organization } = await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const { Roots } = await org.send(new ListRootsCommand({}));
    const root = Roots?.[0];
    if (root && !root.PolicyTypes?.some((t) => t.Type === "SERVICE_CONTROL_POLICY"))
      await org.send(new EnablePolicyTypeCommand({ RootId: root.Id!, PolicyType: "SERVICE_CONTROL_POLICY" }));
    return toOrganization(Organization!);
  });
}

export async function deleteOrganization({ principal }: { principal: Principal }): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new DeleteOrganizationCommand({}));
    return { ok: true as const };
  });
}

/** A member account leaves its organization (the management account gets AWS's MasterCannotLeaveOrganization). */
export async function leaveOrganization({ principal }: { principal: Principal }): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new LeaveOrganizationCommand({}));
    return { ok: true as const };
  });
}
