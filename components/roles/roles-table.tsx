"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
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
  const search = useMarkerSearch();
  const { filter, pages } = search;
  const query = useRoles({ ...search.params, pageSize: PAGE_SIZE });
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
    {
      id: "lastActivity",
      header: "Last activity",
      cell: (r) => (r.lastActivity === undefined ? "…" : r.lastActivity ? ago(r.lastActivity) : "-"),
    },
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
        ariaLabels={{
          selectionGroupLabel: "Roles selection",
          itemSelectionLabel: (_s, r) => `Select ${r.roleName}`,
          allItemsSelectionLabel: () => "Select all roles",
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={
              selected.length ? `(${selected.length}/${rows.length})` : `(${rows.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`
            }
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
          <SearchFilter
            value={search.text}
            onChange={search.setText}
            placeholder="Search roles by name or description"
            ariaLabel="Filter roles"
          />
        }
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} />}
        empty={
          <Box textAlign="center">{query.error ? query.error.message : filter ? "No roles match the filter." : "No roles to display."}</Box>
        }
      />
      <DeleteRolesModal
        roleNames={selected.map((s) => s.roleName)}
        visible={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirmDelete()}
      />
    </>
  );
}
