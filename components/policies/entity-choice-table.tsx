"use client";

import Table from "@cloudscape-design/components/table";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { ago } from "@/lib/format/time";
import { fetchGroups, groupKeys } from "@/lib/queries/groups";
import type { PolicyEntityRef } from "@/lib/queries/policy-mutations";
import { fetchRoles, roleKeys } from "@/lib/queries/roles";
import { fetchUsers, userKeys } from "@/lib/queries/users";
import type { PolicyEntityType } from "@/lib/schemas/policies";
import { PAGINATION_LABELS } from "./policy-labels";

type Row = { name: string; arn: string; createDate: string };
type Q = { filter?: string; pageToken?: string; pageSize: number };

/** The Users, User groups and Roles tables' fetchers, keyed under their prefixes so their invalidations refresh these too. */
const source: Record<
  PolicyEntityType,
  { key: (q: Q) => readonly unknown[]; fetch: (q: Q) => Promise<{ items: Row[]; nextToken?: string }> }
> = {
  User: {
    key: userKeys.list,
    fetch: (q) =>
      fetchUsers(q).then((p) => ({ ...p, items: p.items.map((u) => ({ name: u.userName, arn: u.arn, createDate: u.createDate })) })),
  },
  Group: {
    key: groupKeys.list,
    fetch: (q) =>
      fetchGroups(q).then((p) => ({ ...p, items: p.items.map((g) => ({ name: g.groupName, arn: g.arn, createDate: g.createDate })) })),
  },
  Role: {
    key: roleKeys.list,
    fetch: (q) =>
      fetchRoles(q).then((p) => ({ ...p, items: p.items.map((r) => ({ name: r.roleName, arn: r.arn, createDate: r.createDate })) })),
  },
};

const noun = { User: "users", Group: "user groups", Role: "roles" };

/** One entity type's table (server-side filter and paging) with checkboxes; the selection spans types. */
export function EntityChoiceTable(props: {
  type: PolicyEntityType;
  selected: PolicyEntityRef[];
  onChange: (selected: PolicyEntityRef[]) => void;
}) {
  const { type } = props;
  const search = useMarkerSearch(type);
  const q: Q = { ...search.params, pageSize: 10 };
  const query = useQuery({
    queryKey: [...source[type].key(q), "choices"],
    queryFn: () => source[type].fetch(q),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.items ?? [];
  const chosen = new Set(props.selected.filter((s) => s.entityType === type).map((s) => s.entityName));

  return (
    <Table
      variant="embedded"
      items={rows}
      trackBy="name"
      selectionType="multi"
      selectedItems={rows.filter((r) => chosen.has(r.name))}
      onSelectionChange={(e) => {
        const onPage = new Set(rows.map((r) => r.name));
        const kept = props.selected.filter((s) => s.entityType !== type || !onPage.has(s.entityName));
        props.onChange([...kept, ...e.detail.selectedItems.map((r) => ({ entityType: type, entityName: r.name }))]);
      }}
      ariaLabels={{
        itemSelectionLabel: (_, r) => r.name,
        allItemsSelectionLabel: () => `Select all ${noun[type]}`,
        selectionGroupLabel: "Select",
      }}
      loading={query.isLoading}
      loadingText={`Loading ${noun[type]}`}
      columnDefinitions={[
        { id: "name", header: "Name", cell: (r) => r.name },
        { id: "created", header: "Created", cell: (r) => ago(r.createDate) },
      ]}
      filter={
        <SearchFilter
          value={search.text}
          onChange={search.setText}
          placeholder={`Search ${noun[type]} by name`}
          ariaLabel={`Filter ${noun[type]}`}
        />
      }
      pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} ariaLabels={PAGINATION_LABELS} />}
      empty={query.error ? query.error.message : `No ${noun[type]} to display.`}
    />
  );
}
