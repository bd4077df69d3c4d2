"use client";

import Table from "@cloudscape-design/components/table";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useServerList } from "@/components/common/use-server-list";
import { ago } from "@/lib/format/time";
import { GROUPS_URL, groupKeys } from "@/lib/queries/groups";
import type { PolicyEntityRef } from "@/lib/queries/policy-mutations";
import { ROLES_URL, roleKeys } from "@/lib/queries/roles";
import { USERS_URL, userKeys } from "@/lib/queries/users";
import type { PolicyEntityType } from "@/lib/schemas/policies";

type Row = { arn: string; createDate: string; userName?: string; groupName?: string; roleName?: string };

/** The Users, User groups and Roles list routes, under the keys their own tables use so one invalidation serves both. */
const source = {
  User: { url: USERS_URL, queryKey: userKeys.lists(), name: "userName" },
  Group: { url: GROUPS_URL, queryKey: groupKeys.lists(), name: "groupName" },
  Role: { url: ROLES_URL, queryKey: roleKeys.lists(), name: "roleName" },
} as const;

const noun = { User: "users", Group: "user groups", Role: "roles" };

/** One entity type's list (searched, sorted, paged on the server) with checkboxes; the selection spans types. */
export function EntityChoiceTable(props: {
  type: PolicyEntityType;
  selected: PolicyEntityRef[];
  onChange: (selected: PolicyEntityRef[]) => void;
}) {
  const { type } = props;
  const { url, queryKey, name: field } = source[type];
  const list = useServerList<Row>({ url, queryKey, defaultSort: field, pageSize: 10 });
  const { query } = list;
  const name = (r: Row) => r[field] ?? "";
  const chosen = new Set(props.selected.filter((s) => s.entityType === type).map((s) => s.entityName));

  return (
    <Table
      {...list.tableProps}
      variant="embedded"
      items={list.items}
      trackBy={field}
      selectionType="multi"
      selectedItems={[...chosen].map((n) => ({ [field]: n }) as Row)}
      onSelectionChange={(e) => {
        const others = props.selected.filter((s) => s.entityType !== type);
        props.onChange([...others, ...e.detail.selectedItems.map((r) => ({ entityType: type, entityName: name(r) }))]);
      }}
      ariaLabels={{
        itemSelectionLabel: (_, r) => name(r),
        allItemsSelectionLabel: () => `Select all ${noun[type]}`,
        selectionGroupLabel: "Select",
      }}
      loading={query.isLoading}
      loadingText={`Loading ${noun[type]}`}
      columnDefinitions={[
        { id: "name", header: "Name", sortingField: field, cell: name },
        { id: "created", header: "Created", sortingField: "createDate", cell: (r) => ago(r.createDate) },
      ]}
      filter={<SearchFilter {...list.filterProps} placeholder={`Search ${noun[type]} by name`} ariaLabel={`Filter ${noun[type]}`} />}
      pagination={<ListPagination {...list.paginationProps} />}
      empty={query.error ? query.error.message : list.filtered ? `No ${noun[type]} match the filter.` : `No ${noun[type]} to display.`}
    />
  );
}
