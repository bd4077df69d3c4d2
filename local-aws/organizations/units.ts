import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { managementOnly, managementOrDelegated } from "./access";
import { constraint, isoMs, newOuId, orgError, paged, type Org, type PageInput } from "./shared";
import { checkTags, putOrgTags, type Tag } from "./tags";
import {
  ancestors,
  attachDefaults,
  childAccounts,
  childOus,
  containerExists,
  forgetTarget,
  getOu,
  memberOf,
  rootOf,
  type OuRow,
} from "./tree";
import { ouOut } from "./views";

/** OUs nest at most five deep below the root; an organization holds at most 2,000. */
const MAX_DEPTH = 5;
const MAX_OUS = 2000;

const ouNotFound = () =>
  orgError("OrganizationalUnitNotFoundException", "We can't find an OU with the OrganizationalUnitId that you specified.");

const parentNotFound = () => orgError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");

const duplicateOu = () => orgError("DuplicateOrganizationalUnitException", "An OU with the same name already exists.");

function ou(ctx: Ctx, org: Org, ouId: string): OuRow {
  const row = getOu(ctx.db, org, ouId);
  if (!row) throw ouNotFound();
  return row;
}

function parent(ctx: Ctx, org: Org, parentId: string): string {
  if (!containerExists(ctx.db, org, parentId)) throw parentNotFound();
  return parentId;
}

const nameTaken = (ctx: Ctx, parentId: string, name: string, except?: string) =>
  childOus(ctx.db, parentId).some((o) => o.name === name && o.ou_id !== except);

export const unitsHandlers: Handlers = {
  CreateOrganizationalUnit(input: { ParentId: string; Name: string; Tags?: Tag[] }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const parentId = parent(ctx, org, input.ParentId);
    checkTags(input.Tags);
    if (nameTaken(ctx, parentId, input.Name)) throw duplicateOu();
    // An OU's depth is the number of containers above it: 1 directly under the root.
    const parentDepth = parentId.startsWith("ou-") ? ancestors(ctx.db, org, parentId).length : 0;
    if (parentDepth + 1 > MAX_DEPTH) {
      throw constraint("OU_DEPTH_LIMIT_EXCEEDED");
    }
    const { n } = sql(ctx.db, "SELECT COUNT(*) AS n FROM org_units WHERE org_id = ?").get(org.org_id) as { n: number };
    if (n >= MAX_OUS) throw constraint("OU_NUMBER_LIMIT_EXCEEDED");
    const row: OuRow = {
      ou_id: newOuId(rootOf(ctx.db, org.org_id).root_id),
      org_id: org.org_id,
      parent_id: parentId,
      name: input.Name,
      create_date: isoMs(ctx.now),
    };
    sql(ctx.db, "INSERT INTO org_units (ou_id, org_id, parent_id, name, create_date) VALUES (?, ?, ?, ?, ?)").run(
      row.ou_id,
      row.org_id,
      row.parent_id,
      row.name,
      row.create_date,
    );
    putOrgTags(ctx.db, row.ou_id, input.Tags);
    attachDefaults(ctx.db, org, row.ou_id);
    return { OrganizationalUnit: ouOut(ctx.db, org, row) };
  },

  DescribeOrganizationalUnit(input: { OrganizationalUnitId: string }, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return { OrganizationalUnit: ouOut(ctx.db, org, ou(ctx, org, input.OrganizationalUnitId)) };
  },

  UpdateOrganizationalUnit(input: { OrganizationalUnitId: string; Name?: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const row = ou(ctx, org, input.OrganizationalUnitId);
    if (input.Name !== undefined && input.Name !== row.name) {
      if (nameTaken(ctx, row.parent_id, input.Name, row.ou_id)) throw duplicateOu();
      sql(ctx.db, "UPDATE org_units SET name = ? WHERE ou_id = ?").run(input.Name, row.ou_id);
      row.name = input.Name;
    }
    return { OrganizationalUnit: ouOut(ctx.db, org, row) };
  },

  DeleteOrganizationalUnit(input: { OrganizationalUnitId: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const row = ou(ctx, org, input.OrganizationalUnitId);
    if (childOus(ctx.db, row.ou_id).length || childAccounts(ctx.db, row.ou_id).length) {
      throw orgError(
        "OrganizationalUnitNotEmptyException",
        "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.",
      );
    }
    forgetTarget(ctx.db, row.ou_id);
    sql(ctx.db, "DELETE FROM org_units WHERE ou_id = ?").run(row.ou_id);
  },

  ListOrganizationalUnitsForParent(input: { ParentId: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const ous = childOus(ctx.db, parent(ctx, org, input.ParentId));
    return paged(input, ous, "OrganizationalUnits", (o) => ouOut(ctx.db, org, o));
  },

  ListChildren(input: { ParentId: string; ChildType: "ACCOUNT" | "ORGANIZATIONAL_UNIT" } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const parentId = parent(ctx, org, input.ParentId);
    const ids =
      input.ChildType === "ACCOUNT"
        ? childAccounts(ctx.db, parentId).map((m) => m.account_id)
        : childOus(ctx.db, parentId).map((o) => o.ou_id);
    return paged(input, ids, "Children", (Id) => ({ Id, Type: input.ChildType }));
  },

  ListParents(input: { ChildId: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const parentId = input.ChildId.startsWith("ou-")
      ? getOu(ctx.db, org, input.ChildId)?.parent_id
      : memberOf(ctx.db, org, input.ChildId)?.parent_id;
    if (!parentId) {
      throw orgError(
        "ChildNotFoundException",
        "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.",
      );
    }
    return paged(input, [parentId], "Parents", (Id) => ({ Id, Type: Id.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT" }));
  },
};
