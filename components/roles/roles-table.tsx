"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { useDebounced } from "@/components/common/use-debounced";
import { useMarkerPages } from "@/components/common/use-marker-pages";
import { useRoles, useRolesLastUsed, type RoleSummary } from "@/lib/queries/roles";
import { ago } from "@/lib/format/time";
import { DeleteRolesModal } from "./delete-roles-modal";
import { useDeleteRoles } from "./use-delete-roles";
import { roleHref } from "./role-href";

const PAGE_SIZE = 25;

type Row = RoleSummary & { lastActivity?: string | null };

export function RolesTable() {
  useBreadcrumbs([{ text: "Roles", href: "/roles" }]);
  const router = useRouter();
  const [filterText, setFilterText] = useState("");
  const filter = useDebounced(filterText.trim(), 300);
  const pages = useMarkerPages(filter);
  const query = useRoles({ filter: filter || undefined, pageToken: pages.token, pageSize: PAGE_SIZE });
  const roles = useMemo(() => query.data?.items ?? [], [query.data]);
  const lastUsed = useRolesLastUsed(roles.map((r) => r.roleName));
  const [selected, setSelected] = useState<RoleSummary[]>([]);
  const [confirming, setConfirming] = useState(false);
  const deleteRoles = useDeleteRoles();

  const rows: Row[] = roles.map((r, i) => {
    const q = lastUsed[i];
    return { ...r, lastActivity: q?.data ? (q.data.lastUsed?.date ?? null) : undefined };
  });
  const open = (name: string) => router.push(roleHref(name));

  const columns: TableProps.ColumnDefinition<Row>[] = [
    {
      id: "roleName",
      header: "Role name",
      cell: (r) => (
        <Link href={roleHref(r.roleName)} onFollow={(e) => (e.preventDefault(), open(r.roleName))}>
          {r.roleName}
        </Link>
      ),
    },
    {
      id: "trustedEntities",
      header: "Trusted entities",
      cell: (r) =>
        r.trustedEntities.length ? (
          <div>
            {r.trustedEntities.map((t) => (
              <div key={t}>{t}</div>
            ))}
          </div>
        ) : (
          "-"
        ),
    },
    { id: "lastActivity", header: "Last activity", cell: (r) => (r.lastActivity === undefined ? "…" : r.lastActivity ? ago(r.lastActivity) : "-") },
    { id: "created", header: "Created", cell: (r) => ago(r.createDate) },
  ];

  const confirmDelete = async () => {
    const names = selected.map((s) => s.roleName);
    setConfirming(false);
    const deleted = await deleteRoles(names);
    setSelected((s) => s.filter((r) => !deleted.includes(r.roleName)));
  };

  return (
    <>
      <Table
        variant="full-page"
        items={rows}
        columnDefinitions={columns}
        trackBy="roleName"
        loading={query.isLoading}
        loadingText="Loading roles"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{ selectionGroupLabel: "Roles selection", itemSelectionLabel: (_s, r) => `Select ${r.roleName}`, allItemsSelectionLabel: () => "Select all roles" }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length ? `(${selected.length}/${rows.length})` : `(${rows.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`}
            description="IAM roles are identities you can create that have specific permissions with credentials that are valid for short durations. Roles can be assumed by entities that you trust."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" onClick={() => void query.refetch()} />
                <Button disabled={!selected.length} onClick={() => setConfirming(true)} data-testid="delete-roles">
                  Delete
                </Button>
                <Button variant="primary" onClick={() => router.push("/roles/create")}>
                  Create role
                </Button>
              </SpaceBetween>
            }
          >
            Roles
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filterText}
            filteringPlaceholder="Search roles by name or description"
            filteringAriaLabel="Filter roles"
            onChange={(e) => setFilterText(e.detail.filteringText)}
          />
        }
        pagination={
          <Pagination
            currentPageIndex={pages.index + 1}
            pagesCount={pages.count(query.data?.nextToken)}
            openEnd={!!query.data?.nextToken}
            onChange={(e) => pages.goTo(e.detail.currentPageIndex - 1, query.data?.nextToken)}
          />
        }
        empty={<Box textAlign="center">{query.error ? query.error.message : filter ? "No roles match the filter." : "No roles to display."}</Box>}
      />
      <DeleteRolesModal roleNames={selected.map((s) => s.roleName)} visible={confirming} onCancel={() => setConfirming(false)} onConfirm={() => void confirmDelete()} />
    </>
  );
}
