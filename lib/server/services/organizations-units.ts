import "server-only";
import {
  CreateOrganizationalUnitCommand,
  DeleteOrganizationalUnitCommand,
  DescribeOrganizationalUnitCommand,
  UpdateOrganizationalUnitCommand,
} from "@aws-sdk/client-organizations";
import { toOrganizationalUnit, withOrganizations, type Ctx, type OrganizationalUnitDto, type ParentRef } from "./organizations-shared";
import { ancestorsOf } from "./organizations-tree";

type Tag = { Key: string; Value: string };

/** An OU with the roots and OUs above it, for its page's breadcrumbs and inherited policies. */
export async function describeOrganizationalUnit({
  principal,
  input,
}: Ctx<{ ouId: string }>): Promise<OrganizationalUnitDto & { ancestors: ParentRef[] }> {
  return withOrganizations(principal, async (org) => {
    const [{ OrganizationalUnit }, ancestors] = await Promise.all([
      org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: input.ouId })),
      ancestorsOf(org, input.ouId),
    ]);
    return { ...toOrganizationalUnit(OrganizationalUnit!), ancestors };
  });
}

export async function createOrganizationalUnit({
  principal,
  input,
}: Ctx<{ parentId: string; name: string; tags: Tag[] }>): Promise<OrganizationalUnitDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(
      new CreateOrganizationalUnitCommand({ ParentId: input.parentId, Name: input.name, Tags: input.tags.length ? input.tags : undefined }),
    );
    return toOrganizationalUnit(r.OrganizationalUnit!);
  });
}

export async function renameOrganizationalUnit({ principal, input }: Ctx<{ ouId: string; name: string }>): Promise<OrganizationalUnitDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: input.ouId, Name: input.name }));
    return toOrganizationalUnit(r.OrganizationalUnit!);
  });
}

export async function deleteOrganizationalUnit({ principal, input }: Ctx<{ ouId: string }>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: input.ouId }));
    return { ok: true as const };
  });
}
