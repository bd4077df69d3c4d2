import "server-only";
import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { Principal } from "../principal";
import {
  allPages,
  toAccount,
  toOrganization,
  toOrganizationalUnit,
  toRoot,
  withOrganizations,
  type OrgAccountDto,
  type OrganizationalUnitDto,
  type OrganizationDto,
  type ParentRef,
  type RootDto,
} from "./organizations-shared";

export type OrganizationTree = {
  organization: OrganizationDto;
  roots: RootDto[];
  units: (OrganizationalUnitDto & { parentId: string })[];
  accounts: (OrgAccountDto & { parentId: string })[];
};

const unitsOf = (org: OrganizationsClient, ParentId: string) =>
  allPages(async (NextToken) => {
    const r = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken }));
    return { items: r.OrganizationalUnits, next: r.NextToken };
  });

const accountsOf = (org: OrganizationsClient, ParentId: string) =>
  allPages(async (NextToken) => {
    const r = await org.send(new ListAccountsForParentCommand({ ParentId, NextToken }));
    return { items: r.Accounts, next: r.NextToken };
  });

/** The whole organization, root → OUs → accounts, walked level by level as AWS's console loads its hierarchy. */
export async function getOrganizationTree({ principal }: { principal: Principal }): Promise<OrganizationTree> {
  return withOrganizations(principal, async (org) => {
    const [described, roots] = await Promise.all([
      org.send(new DescribeOrganizationCommand({})),
      allPages(async (NextToken) => {
        const r = await org.send(new ListRootsCommand({ NextToken }));
        return { items: r.Roots, next: r.NextToken };
      }),
    ]);
    const tree: OrganizationTree = {
      organization: toOrganization(described.Organization!),
      roots: roots.map(toRoot),
      units: [],
      accounts: [],
    };
    let level = tree.roots.map((r) => r.id);
    while (level.length) {
      const children = await Promise.all(level.map(async (parentId) => ({ parentId, ...(await childrenOf(org, parentId)) })));
      level = [];
      for (const c of children) {
        tree.units.push(...c.units.map((u) => ({ ...toOrganizationalUnit(u), parentId: c.parentId })));
        tree.accounts.push(...c.accounts.map((a) => ({ ...toAccount(a), parentId: c.parentId })));
        level.push(...c.units.map((u) => u.Id!));
      }
    }
    return tree;
  });
}

async function childrenOf(org: OrganizationsClient, parentId: string) {
  const [units, accounts] = await Promise.all([unitsOf(org, parentId), accountsOf(org, parentId)]);
  return { units, accounts };
}

/** The roots and OUs above a node, from the root down (ListParents, one level at a time). */
export async function ancestorsOf(org: OrganizationsClient, childId: string): Promise<ParentRef[]> {
  const out: ParentRef[] = [];
  let id = childId;
  for (;;) {
    const { Parents } = await org.send(new ListParentsCommand({ ChildId: id }));
    const parent = Parents?.[0];
    if (!parent) return out;
    if (parent.Type === "ROOT") return [{ id: parent.Id!, type: "ROOT", name: "Root" }, ...out];
    const { OrganizationalUnit } = await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id! }));
    out.unshift({ id: parent.Id!, type: "ORGANIZATIONAL_UNIT", name: OrganizationalUnit!.Name! });
    id = parent.Id!;
  }
}
