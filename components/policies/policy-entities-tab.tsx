"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useListCollection } from "@/components/common/use-list-collection";
import { usePolicyEntities, type PolicyDetail, type PolicyEntity } from "@/lib/queries/policies";
import { AttachEntitiesModal } from "./attach-entities-modal";
import { DetachEntitiesModal } from "./detach-entities-modal";
import { entityHref } from "./policy-labels";
import { entityTypeLabel } from "./run-each";

/** A row as the table shows and sorts it; an entity can use the policy both ways, so the key includes how. */
type Row = PolicyEntity & { key: string; typeLabel: string; attachedAsLabel: string };

const toRow = (e: PolicyEntity): Row => ({
  ...e,
  key: `${e.entityType}:${e.entityName}:${e.attachedAs}`,
  typeLabel: entityTypeLabel(e.entityType),
  attachedAsLabel: e.attachedAs === "PermissionsBoundary" ? "Permissions boundary" : "Permissions policy",
});

/**
 * "Entities attached": the users, groups and roles using the policy (as permissions or boundary), the whole list
 * searched by name, sorted and paged in the browser; attach and detach.
 */
export function PolicyEntitiesTab({ policy }: { policy: PolicyDetail }) {
  const router = useRouter();
  const query = usePolicyEntities(policy.arn);
  const rows = useMemo(() => query.data?.map(toRow), [query.data]);
  const list = useListCollection(rows, { searchText: (e) => [e.entityName], sortingField: "entityName", trackBy: "key" });
  const { items, collectionProps } = list;
  const selected = collectionProps.selectedItems ?? [];
  const [modal, setModal] = useState<"attach" | "detach">();

  const columns: TableProps.ColumnDefinition<Row>[] = [
    {
      id: "name",
      header: "Entity name",
      sortingField: "entityName",
      cell: (e) => (
        <Link
          href={entityHref(e.entityType, e.entityName)}
          onFollow={(ev) => (ev.preventDefault(), router.push(entityHref(e.entityType, e.entityName)))}
        >
          {e.entityName}
        </Link>
      ),
    },
    { id: "type", header: "Entity type", sortingField: "typeLabel", cell: (e) => e.typeLabel },
    { id: "as", header: "Attached as", sortingField: "attachedAsLabel", cell: (e) => e.attachedAsLabel },
  ];

  return (
    <>
      <Table
        {...collectionProps}
        data-testid="policy-entities-table"
        items={items}
        columnDefinitions={columns}
        loading={query.isLoading}
        loadingText="Loading entities"
        selectionType="multi"
        ariaLabels={{
          itemSelectionLabel: (_, e) => e.entityName,
          allItemsSelectionLabel: () => "Select all entities",
          selectionGroupLabel: "Entities",
        }}
        header={
          <Header
            counter={headerCounter(query.data?.length, selected.length)}
            description="The users, user groups and roles that use this policy as a permissions policy or a permissions boundary."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh entities"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void query.refetch()}
                />
                <Button disabled={!selected.length} onClick={() => setModal("detach")} data-testid="detach-policy">
                  Detach
                </Button>
                <Button variant="primary" onClick={() => setModal("attach")} data-testid="attach-policy">
                  Attach
                </Button>
              </SpaceBetween>
            }
          >
            Entities attached
          </Header>
        }
        filter={
          <SearchFilter
            value={list.filterProps.filteringText}
            onChange={list.actions.setFiltering}
            countText={list.countText}
            placeholder="Search entities by name"
            ariaLabel="Filter entities"
          />
        }
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="entities" />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : list.filtered ? (
            "No entities match the filter."
          ) : (
            "No entities use this policy."
          )
        }
      />
      {modal === "attach" && <AttachEntitiesModal policy={policy} onClose={() => setModal(undefined)} />}
      {modal === "detach" && (
        <DetachEntitiesModal
          policy={policy}
          entities={[...selected]}
          onClose={(detached) => {
            setModal(undefined);
            if (detached) list.actions.setSelectedItems([]);
          }}
        />
      )}
    </>
  );
}
