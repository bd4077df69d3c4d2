"use client";

import Table from "@cloudscape-design/components/table";
import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useListCollection } from "@/components/common/use-list-collection";
import { ago } from "@/lib/format/time";
import { fetchGroups, groupKeys } from "@/lib/queries/groups";
import type { PolicyEntityRef } from "@/lib/queries/policy-mutations";
import { fetchRoles, roleKeys, type RoleSummary } from "@/lib/queries/roles";
import { fetchUsers, userKeys } from "@/lib/queries/users";
import type { GroupSummary } from "@/lib/server/services/groups";
import type { UserSummary } from "@/lib/server/services/users";
import type { PolicyEntityType } from "@/lib/schemas/policies";

type Row = { name: string; arn: string; createDate: string };

const row = (name: string, e: { arn: string; createDate: string }): Row => ({ name, arn: e.arn, createDate: e.createDate });

/**
 * The Users, User groups and Roles whole lists under the keys their own tables use, so one load and one invalidation
 * serve both; `select` turns each into name rows.
 */
const source = {
  User: { queryKey: userKeys.lists(), queryFn: fetchUsers, select: (l: UserSummary[]) => l.map((u) => row(u.userName, u)) },
  Group: { queryKey: groupKeys.lists(), queryFn: fetchGroups, select: (l: GroupSummary[]) => l.map((g) => row(g.groupName, g)) },
  Role: { queryKey: roleKeys.lists(), queryFn: fetchRoles, select: (l: RoleSummary[]) => l.map((r) => row(r.roleName, r)) },
} as const;

const noun = { User: "users", Group: "user groups", Role: "roles" };

/** One entity type's whole list (searched, sorted, paged in the browser) with checkboxes; the selection spans types. */
export function EntityChoiceTable(props: {
  type: PolicyEntityType;
  selected: PolicyEntityRef[];
  onChange: (selected: PolicyEntityRef[]) => void;
}) {
  const { type } = props;
  const query = useQuery(source[type] as unknown as UseQueryOptions<unknown, Error, Row[]>);
  const list = useListCollection(query.data, { searchText: (r) => [r.name], sortingField: "name", pageSize: 10 });
  const chosen = new Set(props.selected.filter((s) => s.entityType === type).map((s) => s.entityName));

  return (
    <Table
      {...list.collectionProps}
      variant="embedded"
      items={list.items}
      trackBy="name"
      selectionType="multi"
      selectedItems={(query.data ?? []).filter((r) => chosen.has(r.name))}
      onSelectionChange={(e) => {
        const others = props.selected.filter((s) => s.entityType !== type);
        props.onChange([...others, ...e.detail.selectedItems.map((r) => ({ entityType: type, entityName: r.name }))]);
      }}
      ariaLabels={{
        itemSelectionLabel: (_, r) => r.name,
        allItemsSelectionLabel: () => `Select all ${noun[type]}`,
        selectionGroupLabel: "Select",
      }}
      loading={query.isLoading}
      loadingText={`Loading ${noun[type]}`}
      columnDefinitions={[
        { id: "name", header: "Name", sortingField: "name", cell: (r) => r.name },
        { id: "created", header: "Created", sortingField: "createDate", cell: (r) => ago(r.createDate) },
      ]}
      filter={
        <SearchFilter
          value={list.filterProps.filteringText}
          onChange={list.actions.setFiltering}
          countText={list.countText}
          placeholder={`Search ${noun[type]} by name`}
          ariaLabel={`Filter ${noun[type]}`}
        />
      }
      pagination={<ListPagination {...list.paginationProps} />}
      empty={query.error ? query.error.message : list.filtered ? `No ${noun[type]} match the filter.` : `No ${noun[type]} to display.`}
    />
  );
}
