"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { useMarkerPages } from "@/components/common/use-marker-pages";
import { usePolicyEntities, type PolicyDetail, type PolicyEntity } from "@/lib/queries/policies";
import { AttachEntitiesModal } from "./attach-entities-modal";
import { DetachEntitiesModal } from "./detach-entities-modal";
import { entityHref, PAGINATION_LABELS } from "./policy-labels";
import { entityTypeLabel } from "./run-each";

const keyOf = (e: PolicyEntity) => `${e.entityType}:${e.entityName}:${e.attachedAs}`;

/** "Entities attached": users, groups and roles using the policy (as permissions or boundary); attach and detach. */
export function PolicyEntitiesTab({ policy }: { policy: PolicyDetail }) {
  const router = useRouter();
  const pages = useMarkerPages(policy.arn);
  const query = usePolicyEntities(policy.arn, { pageToken: pages.token, pageSize: 25 });
  const items = query.data?.items ?? [];
  const [selected, setSelected] = useState<PolicyEntity[]>([]);
  const [modal, setModal] = useState<"attach" | "detach">();

  return (
    <>
      <Table
        items={items}
        trackBy={keyOf}
        loading={query.isLoading}
        loadingText="Loading entities"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          itemSelectionLabel: (_, e) => e.entityName,
          allItemsSelectionLabel: () => "Select all entities",
          selectionGroupLabel: "Entities",
        }}
        header={
          <Header
            counter={`(${items.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`}
            description="The users, user groups and roles that use this policy as a permissions policy or a permissions boundary."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh entities" onClick={() => void query.refetch()} />
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
        columnDefinitions={[
          {
            id: "name",
            header: "Entity name",
            cell: (e) => (
              <Link
                href={entityHref(e.entityType, e.entityName)}
                onFollow={(ev) => (ev.preventDefault(), router.push(entityHref(e.entityType, e.entityName)))}
              >
                {e.entityName}
              </Link>
            ),
          },
          { id: "type", header: "Entity type", cell: (e) => entityTypeLabel(e.entityType) },
          {
            id: "as",
            header: "Attached as",
            cell: (e) => (e.attachedAs === "PermissionsBoundary" ? "Permissions boundary" : "Permissions policy"),
          },
        ]}
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} ariaLabels={PAGINATION_LABELS} />}
        empty={query.error ? query.error.message : "No entities use this policy."}
      />
      {modal === "attach" && <AttachEntitiesModal policy={policy} onClose={() => setModal(undefined)} />}
      {modal === "detach" && (
        <DetachEntitiesModal
          policy={policy}
          entities={selected}
          onClose={(detached) => {
            setModal(undefined);
            if (detached) setSelected([]);
          }}
        />
      )}
    </>
  );
}
