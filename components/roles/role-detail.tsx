"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { EffectivePermissionsTab } from "@/components/effective/effective-permissions-tab";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useRole } from "@/lib/queries/roles";
import { DeleteRolesModal } from "./delete-roles-modal";
import { RolePermissionsTab } from "./role-permissions-tab";
import { RoleSessionsTab } from "./role-sessions-tab";
import { RoleSummaryContainer } from "./role-summary";
import { RoleTagsTab } from "./role-tags-tab";
import { RoleTrustTab } from "./role-trust-tab";
import { useDeleteRoles } from "./use-delete-roles";

const TABS = ["permissions", "effective", "trust", "tags", "sessions"] as const;

/** A role's page: summary, then the Permissions, Trust relationships, Tags and Sessions tabs. */
export function RoleDetail({ roleName }: { roleName: string }) {
  useBreadcrumbs([{ text: "Roles", href: "/roles" }, { text: roleName }]);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const role = useRole(roleName);
  const [confirming, setConfirming] = useState(false);
  const deleteRoles = useDeleteRoles();
  const tab = TABS.find((t) => t === search.get("tab")) ?? "permissions";

  // As the AWS console: back to the Roles list at once, the deletion's progress and outcome in the Flashbar.
  const confirmDelete = () => {
    setConfirming(false);
    router.push("/roles");
    void deleteRoles([roleName]);
  };

  if (role.isLoading) return <Spinner size="large" />;
  if (role.error || !role.data) {
    const e = role.error as ApiError | null;
    return (
      <Alert type="error" header={e?.code ?? "Error"}>
        {e?.message ?? "The role could not be loaded."}
      </Alert>
    );
  }

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            <Button onClick={() => setConfirming(true)} data-testid="delete-role">
              Delete
            </Button>
          }
          description={role.data.description}
        >
          {roleName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <RoleSummaryContainer role={role.data} />
        <Tabs
          activeTabId={tab}
          onChange={(e) => window.history.replaceState(null, "", `${pathname}?tab=${e.detail.activeTabId}`)}
          tabs={[
            { id: "permissions", label: "Permissions", content: <RolePermissionsTab role={role.data} /> },
            {
              id: "effective",
              label: "Effective permissions",
              content: <EffectivePermissionsTab principal={{ type: "role", name: roleName }} />,
            },
            { id: "trust", label: "Trust relationships", content: <RoleTrustTab role={role.data} /> },
            { id: "tags", label: `Tags (${role.data.tags.length})`, content: <RoleTagsTab role={role.data} /> },
            { id: "sessions", label: "Sessions", content: <RoleSessionsTab role={role.data} /> },
          ]}
        />
      </SpaceBetween>
      <DeleteRolesModal roleNames={[roleName]} visible={confirming} onCancel={() => setConfirming(false)} onConfirm={confirmDelete} />
    </ContentLayout>
  );
}
