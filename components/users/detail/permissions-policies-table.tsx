"use client";

import Button from "@cloudscape-design/components/button";
import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SearchFilter } from "@/components/common/search-filter";
import { useUserPermissions } from "@/lib/queries/user-detail";
import type { PermissionPolicy } from "@/lib/server/services/user-permissions";
import { PolicyDocumentModal } from "./policy-document-modal";
import { RemovePoliciesModal } from "./remove-policies-modal";
import { userHref } from "./user-href";

const TYPES = [
  { value: "", label: "All types" },
  { value: "AWS managed", label: "AWS managed" },
  { value: "Customer managed", label: "Customer managed" },
  { value: "Customer inline", label: "Customer inline" },
];

/** The user's policies: attached directly, inline, and through groups; only direct ones can be removed here. */
export function PermissionsPoliciesTable({ userName }: { userName: string }) {
  const router = useRouter();
  const query = useUserPermissions(userName);
  const [filterText, setFilterText] = useState("");
  const [type, setType] = useState(TYPES[0]);
  const [selected, setSelected] = useState<PermissionPolicy[]>([]);
  const [viewing, setViewing] = useState<PermissionPolicy>();
  const [removing, setRemoving] = useState(false);

  const all = useMemo(() => query.data?.policies ?? [], [query.data]);
  const items = all.filter(
    (p) => (!type.value || p.type === type.value) && (!filterText || p.policyName.toLowerCase().includes(filterText.trim().toLowerCase())),
  );
  const removable = selected.length > 0 && selected.every((p) => p.via === "Attached directly");
  const go = (sub: string) => router.push(userHref(userName, sub));

  return (
    <>
      <Table
        items={items}
        trackBy="id"
        loading={query.isLoading}
        loadingText="Loading policies"
        selectionType="multi"
        ariaLabels={{
          itemSelectionLabel: (_, p) => `${p.policyName} (${p.via})`,
          allItemsSelectionLabel: () => "Select all policies",
          selectionGroupLabel: "Policies",
        }}
        selectedItems={selected.filter((s) => all.some((p) => p.id === s.id))}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        data-testid="permissions-policies"
        columnDefinitions={[
          {
            id: "name",
            header: "Policy name",
            cell: (p) => (
              <Link onFollow={() => setViewing(p)} ariaLabel={`View ${p.policyName}`}>
                {p.policyName}
              </Link>
            ),
          },
          { id: "type", header: "Type", cell: (p) => p.type },
          { id: "via", header: "Attached via", cell: (p) => p.via },
        ]}
        header={
          <Header
            counter={`(${all.length})`}
            description="Permissions are defined by policies attached to the user directly or through groups."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh policies"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void query.refetch()}
                />
                <Button
                  disabled={!removable}
                  disabledReason={selected.length ? "Policies attached through a group are removed from the group." : undefined}
                  onClick={() => setRemoving(true)}
                  data-testid="remove-policies"
                >
                  Remove
                </Button>
                <ButtonDropdown
                  variant="primary"
                  mainAction={{ text: "Add permissions", onClick: () => go("/add-permissions") }}
                  items={[
                    { id: "add", text: "Add permissions" },
                    { id: "inline", text: "Create inline policy" },
                  ]}
                  onItemClick={(e) => go(e.detail.id === "inline" ? "/create-inline-policy" : "/add-permissions")}
                  ariaLabel="More ways to add permissions"
                />
              </SpaceBetween>
            }
          >
            Permissions policies
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <SearchFilter value={filterText} onChange={setFilterText} placeholder="Search policies" ariaLabel="Filter policies" />
            <Select
              selectedOption={type}
              options={TYPES}
              onChange={(e) => setType(TYPES.find((t) => t.value === e.detail.selectedOption.value) ?? TYPES[0])}
              ariaLabel="Filter by type"
            />
          </SpaceBetween>
        }
        empty={
          query.error
            ? query.error.message
            : all.length
              ? "No policies match the filter."
              : "No permissions policies. Add permissions to give this user access."
        }
      />
      <PolicyDocumentModal userName={userName} policy={viewing} onClose={() => setViewing(undefined)} />
      <RemovePoliciesModal userName={userName} policies={removing ? selected : []} onClose={() => (setRemoving(false), setSelected([]))} />
    </>
  );
}
