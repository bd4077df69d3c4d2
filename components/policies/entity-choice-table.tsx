"use client";

import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebounced } from "@/components/common/use-debounced";
import { useMarkerPages } from "@/components/common/use-marker-pages";
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
const source: Record<PolicyEntityType, { key: (q: Q) => readonly unknown[]; fetch: (q: Q) => Promise<{ items: Row[]; nextToken?: string }> }> = {
  User: { key: userKeys.list, fetch: (q) => fetchUsers(q).then((p) => ({ ...p, items: p.items.map((u) => ({ name: u.userName, arn: u.arn, createDate: u.createDate })) })) },
  Group: { key: groupKeys.list, fetch: (q) => fetchGroups(q).then((p) => ({ ...p, items: p.items.map((g) => ({ name: g.groupName, arn: g.arn, createDate: g.createDate })) })) },
  Role: { key: roleKeys.list, fetch: (q) => fetchRoles(q).then((p) => ({ ...p, items: p.items.map((r) => ({ name: r.roleName, arn: r.arn, createDate: r.createDate })) })) },
};

const noun = { User: "users", Group: "user groups", Role: "roles" };

/** One entity type's table (server-side filter and paging) with checkboxes; the selection spans types. */
export function EntityChoiceTable(props: { type: PolicyEntityType; selected: PolicyEntityRef[]; onChange: (selected: PolicyEntityRef[]) => void }) {
  const { type } = props;
  const [filterText, setFilterText] = useState("");
  const filter = useDebounced(filterText.trim(), 300);
  const pages = useMarkerPages(`${type}|${filter}`);
  const q: Q = { filter: filter || undefined, pageToken: pages.token, pageSize: 10 };
  const query = useQuery({ queryKey: [...source[type].key(q), "choices"], queryFn: () => source[type].fetch(q), placeholderData: keepPreviousData });
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
      ariaLabels={{ itemSelectionLabel: (_, r) => r.name, allItemsSelectionLabel: () => `Select all ${noun[type]}`, selectionGroupLabel: "Select" }}
      loading={query.isLoading}
      loadingText={`Loading ${noun[type]}`}
      columnDefinitions={[
        { id: "name", header: "Name", cell: (r) => r.name },
        { id: "created", header: "Created", cell: (r) => ago(r.createDate) },
      ]}
      filter={
        <TextFilter
          filteringText={filterText}
          filteringPlaceholder={`Search ${noun[type]} by name`}
          filteringAriaLabel={`Filter ${noun[type]}`}
          onChange={(e) => setFilterText(e.detail.filteringText)}
        />
      }
      pagination={
        <Pagination
          ariaLabels={PAGINATION_LABELS}
          currentPageIndex={pages.index + 1}
          pagesCount={pages.count(query.data?.nextToken)}
          openEnd={!!query.data?.nextToken}
          onChange={(e) => pages.goTo(e.detail.currentPageIndex - 1, query.data?.nextToken)}
        />
      }
      empty={query.error ? query.error.message : `No ${noun[type]} to display.`}
    />
  );
}
