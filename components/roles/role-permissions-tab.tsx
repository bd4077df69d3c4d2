"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AddPermissionsDropdown } from "@/components/common/add-permissions-dropdown";
import { useRolePermissions, type RoleDetail, type RolePermission } from "@/lib/queries/roles";
import { InlinePolicyModal } from "./inline-policy-modal";
import { PermissionsBoundarySection } from "./permissions-boundary-section";
import { RemovePoliciesModal } from "./remove-policies-modal";
import { roleHref } from "./role-href";

const key = (p: RolePermission) => `${p.kind}:${p.kind === "managed" ? p.policyArn : p.policyName}`;

/** Permissions: managed and inline policies (attach, create inline, view/edit inline, remove), then the boundary. */
export function RolePermissionsTab({ role }: { role: RoleDetail }) {
  const router = useRouter();
  const permissions = useRolePermissions(role.roleName);
  const items = permissions.data ?? [];
  const [selected, setSelected] = useState<RolePermission[]>([]);
  const [removing, setRemoving] = useState(false);
  const [inline, setInline] = useState<{ policyName?: string; document?: string } | null>(null);
  const kept = selected.filter((s) => items.some((i) => key(i) === key(s)));

  return (
    <SpaceBetween size="l">
      <Table
        items={items}
        trackBy={key}
        loading={permissions.isLoading}
        loadingText="Loading policies"
        selectionType="multi"
        selectedItems={kept}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: "Policies",
          itemSelectionLabel: (_s, p) => `Select ${p.policyName}`,
          allItemsSelectionLabel: () => "Select all policies",
        }}
        columnDefinitions={[
          {
            id: "name",
            header: "Policy name",
            cell: (p) =>
              p.kind === "inline" ? (
                <Link onFollow={(e) => (e.preventDefault(), setInline({ policyName: p.policyName, document: p.document }))}>
                  {p.policyName}
                </Link>
              ) : (
                p.policyName
              ),
          },
          { id: "type", header: "Type", cell: (p) => (p.kind === "inline" ? "Customer inline" : p.type) },
          { id: "arn", header: "ARN", cell: (p) => (p.kind === "managed" ? p.policyArn : "-") },
        ]}
        header={
          <Header
            counter={`(${items.length})`}
            description="You can attach up to 10 managed policies."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh policies" onClick={() => void permissions.refetch()} />
                <Button disabled={!kept.length || role.serviceLinked} onClick={() => setRemoving(true)} data-testid="remove-policies">
                  Remove
                </Button>
                <AddPermissionsDropdown
                  disabled={role.serviceLinked}
                  onAttach={() => router.push(roleHref(role.roleName, "/attach-policies"))}
                  onCreateInline={() => setInline({})}
                />
              </SpaceBetween>
            }
          >
            Permissions policies
          </Header>
        }
        empty="No policies attached. Add permissions to give this role access."
      />
      <PermissionsBoundarySection role={role} />
      <RemovePoliciesModal
        roleName={role.roleName}
        policies={kept}
        visible={removing}
        onClose={() => setRemoving(false)}
        onRemoved={() => setSelected([])}
      />
      {inline !== null && <InlinePolicyModal roleName={role.roleName} existing={inline} onClose={() => setInline(null)} />}
    </SpaceBetween>
  );
}
