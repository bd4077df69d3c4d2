"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useServerList } from "@/components/common/use-server-list";
import { ROLES_URL, roleKeys, useRolesLastUsed, type RoleSummary } from "@/lib/queries/roles";
import { ago } from "@/lib/format/time";
import { useDeleteRoles } from "./use-delete-roles";
import { roleHref } from "./role-href";

// Loads after the page: only a click on Delete shows it.
const DeleteRolesModal = dynamic(() => import("./delete-roles-modal").then((m) => m.DeleteRolesModal), { ssr: false });

/**
 * The AWS console's Roles page: searched by name or description, sorted and paged on the server;
 * last activity is read per visible row (ListRoles does not return it).
 */
export function RolesTable() {
  useBreadcrumbs([{ text: "Roles", href: "/roles" }]);
  const router = useRouter();
  const list = useServerList<RoleSummary>({ url: ROLES_URL, queryKey: roleKeys.lists(), defaultSort: "roleName", syncUrl: true });
  const { items, query } = list;
  const lastUsed = useRolesLastUsed(items.map((r) => r.roleName));
  const lastActivity = new Map(
    items.map((r, i) => [r.roleName, lastUsed[i]?.data ? (lastUsed[i].data.lastUsed?.date ?? null) : undefined]),
  );
  const selected = list.selectedItems;
  const [confirming, setConfirming] = useState(false);
  const deleteRoles = useDeleteRoles();
  const open = (name: string) => router.push(roleHref(name));

  const columns: TableProps.ColumnDefinition<RoleSummary>[] = [
    {
      id: "roleName",
      header: "Role name",
      sortingField: "roleName",
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
      cell: (r) => {
        const date = lastActivity.get(r.roleName);
        return date === undefined ? "…" : date ? ago(date) : "-";
      },
    },
    { id: "created", header: "Created", sortingField: "createDate", cell: (r) => ago(r.createDate) },
  ];

  const confirmDelete = async () => {
    const names = selected.map((s) => s.roleName);
    setConfirming(false);
    const deleted = await deleteRoles(names, new Set(selected.filter((s) => s.serviceLinked).map((s) => s.roleName)));
    list.setSelectedItems(selected.filter((r) => !deleted.includes(r.roleName)));
  };

  return (
    <>
      <Table
        {...list.tableProps}
        trackBy="roleName"
        data-testid="roles-table"
        variant="full-page"
        items={items}
        columnDefinitions={columns}
        loading={query.isLoading}
        loadingText="Loading roles"
        selectionType="multi"
        ariaLabels={{
          selectionGroupLabel: "Roles selection",
          itemSelectionLabel: (_s, r) => `Select ${r.roleName}`,
          allItemsSelectionLabel: () => "Select all roles",
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={headerCounter(list.total, selected.length)}
            description="IAM roles are identities you can create that have specific permissions with credentials that are valid for short durations. Roles can be assumed by entities that you trust."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void list.refresh()}
                />
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
        filter={<SearchFilter {...list.filterProps} placeholder="Search roles by name or description" ariaLabel="Filter roles" />}
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="roles" />}
        empty={
          <Box textAlign="center">
            {query.error ? query.error.message : list.filtered ? "No roles match the filter." : "No roles to display."}
          </Box>
        }
      />
      <DeleteRolesModal
        roleNames={selected.map((s) => s.roleName)}
        serviceLinked={selected.every((s) => s.serviceLinked)}
        visible={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirmDelete()}
      />
    </>
  );
}
