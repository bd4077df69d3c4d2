"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { AddPermissionsDropdown } from "@/components/common/add-permissions-dropdown";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { SearchFilter } from "@/components/common/search-filter";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteGroupPolicy, useDetachGroupPolicies, useGroupPermissions } from "@/lib/queries/groups";
import { policyHref } from "@/lib/queries/policies";
import { groupHref } from "./group-href";

type PolicyRow = { id: string; policyName: string; type: string; policyArn?: string };

/** Attached managed policies and inline policies together, as the console's "Permissions policies" table. */
export function GroupPermissionsTab({ groupName }: { groupName: string }) {
  const router = useRouter();
  const notify = useNotify();
  const query = useGroupPermissions(groupName);
  const detach = useDetachGroupPolicies(groupName);
  const deleteInline = useDeleteGroupPolicy(groupName);
  const [selected, setSelected] = useState<PolicyRow[]>([]);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<Error | null>(null);
  const [filter, setFilter] = useState("");

  const rows = useMemo<PolicyRow[]>(() => {
    const d = query.data;
    if (!d) return [];
    return [
      ...d.attachedPolicies.map((p) => ({ id: p.policyArn, policyName: p.policyName, type: p.type, policyArn: p.policyArn })),
      ...d.inlinePolicyNames.map((n) => ({ id: `inline:${n}`, policyName: n, type: "Customer inline" })),
    ].sort((a, b) => a.policyName.localeCompare(b.policyName));
  }, [query.data]);
  const shown = rows.filter((r) => r.policyName.toLowerCase().includes(filter.trim().toLowerCase()));

  async function confirmRemove() {
    setRemoveError(null);
    try {
      const arns = selected.flatMap((r) => (r.policyArn ? [r.policyArn] : []));
      if (arns.length) await detach.mutateAsync(arns);
      for (const r of selected.filter((r) => !r.policyArn)) await deleteInline.mutateAsync(r.policyName);
      notify({
        type: "success",
        header: `Removed ${selected.length === 1 ? selected[0].policyName : `${selected.length} policies`} from ${groupName}.`,
      });
      setSelected([]);
      setRemoving(false);
    } catch (e) {
      setRemoveError(e as Error);
    }
  }

  // Managed policies have their own pages in the Policies area; inline ones are edited here.
  const policyLink = (r: PolicyRow) => {
    const href = r.policyArn ? policyHref(r.policyArn) : groupHref(groupName, `/inline-policies/${encodeURIComponent(r.policyName)}`);
    return (
      <Link href={href} onFollow={(e) => (e.preventDefault(), router.push(href))}>
        {r.policyName}
      </Link>
    );
  };

  return (
    <>
      <Table
        items={shown}
        trackBy="id"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: "Policy selection",
          itemSelectionLabel: (_, r) => `Select policy ${r.policyName}`,
          allItemsSelectionLabel: () => "Select all policies",
        }}
        loading={query.isLoading}
        loadingText="Loading policies"
        columnDefinitions={[
          { id: "name", header: "Policy name", cell: policyLink },
          { id: "type", header: "Type", cell: (r) => r.type },
        ]}
        header={
          <Header
            counter={`(${rows.length})`}
            description="You can attach up to 10 managed policies. Inline policies are embedded in this group only."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!selected.length} onClick={() => (setRemoveError(null), setRemoving(true))}>
                  Remove
                </Button>
                <AddPermissionsDropdown
                  onAttach={() => router.push(groupHref(groupName, "/attach-policies"))}
                  onCreateInline={() => router.push(groupHref(groupName, "/create-inline-policy"))}
                />
              </SpaceBetween>
            }
          >
            Permissions policies
          </Header>
        }
        filter={<SearchFilter value={filter} onChange={setFilter} placeholder="Search policies by name" ariaLabel="Filter policies" />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : (
            <Box textAlign="center" color="inherit">
              <b>{filter ? "No policies match the filter." : "No permissions policies attached"}</b>
            </Box>
          )
        }
      />
      <ConfirmModal
        visible={removing}
        title={selected.length === 1 ? `Remove ${selected[0].policyName}?` : `Remove ${selected.length} policies?`}
        action="Remove policies"
        busy={detach.isPending || deleteInline.isPending}
        error={removeError}
        onCancel={() => setRemoving(false)}
        onConfirm={() => void confirmRemove()}
      >
        <Box>
          Managed policies are detached from <strong>{groupName}</strong> (the policies themselves remain); inline policies are deleted.
          Members of the group lose the permissions these policies grant.
        </Box>
      </ConfirmModal>
    </>
  );
}
