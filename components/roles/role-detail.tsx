"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { AccessAdvisorTab, EffectivePermissionsTab, TabLoading } from "@/components/common/lazy-tabs";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useRole } from "@/lib/queries/roles";
import { RolePermissionsTab } from "./role-permissions-tab";
import { RoleSummaryContainer } from "./role-summary";
import { useDeleteRoles } from "./use-delete-roles";

// The tabs not shown on arrival load when first shown; the Delete modal just after the page.
const DeleteRolesModal = dynamic(() => import("./delete-roles-modal").then((m) => m.DeleteRolesModal), { ssr: false });
const RoleSessionsTab = dynamic(() => import("./role-sessions-tab").then((m) => m.RoleSessionsTab), { ssr: false, loading: TabLoading });
const RoleTagsTab = dynamic(() => import("./role-tags-tab").then((m) => m.RoleTagsTab), { ssr: false, loading: TabLoading });
const RoleTrustTab = dynamic(() => import("./role-trust-tab").then((m) => m.RoleTrustTab), { ssr: false, loading: TabLoading });

const TABS = ["permissions", "effective", "trust", "tags", "last_accessed", "sessions"] as const;

const ADVISOR =
  "Last accessed information shows the services that this role's permissions allow and when they were last accessed. Use it to remove permissions that are not used.";

/** The service that owns a service-linked role, from its path /aws-service-role/<service principal>/. */
const linkedService = (path: string) => path.split("/")[2] ?? "";

/**
 * A role's page: summary, then the Permissions, Trust relationships, Tags, Last Accessed and Sessions tabs. A
 * service-linked role is read-only here, as in the AWS console, and Delete submits DeleteServiceLinkedRole's task.
 */
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
    void deleteRoles([roleName], new Set(role.data?.serviceLinked ? [roleName] : []));
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
        {role.data.serviceLinked && (
          <Alert type="info" header="This is a service-linked role" data-testid="service-linked-role-alert">
            {roleName} is linked to {linkedService(role.data.path)}. It is predefined by the service and includes all the permissions that
            the service requires to call other AWS services on your behalf. You can view, but not edit, its trust policy, permissions,
            permissions boundary and maximum session duration: only the linked service can change them. You can edit its description, and
            delete it once the service no longer uses it.
          </Alert>
        )}
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
            {
              id: "last_accessed",
              label: "Last Accessed",
              content: <AccessAdvisorTab description={ADVISOR} arn={role.data.arn} />,
            },
            { id: "sessions", label: "Sessions", content: <RoleSessionsTab role={role.data} /> },
          ]}
        />
      </SpaceBetween>
      <DeleteRolesModal
        roleNames={[roleName]}
        serviceLinked={role.data.serviceLinked}
        visible={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmDelete}
      />
    </ContentLayout>
  );
}
