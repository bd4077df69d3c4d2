"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { AccessAdvisorTab } from "@/components/common/access-advisor-tab";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { useGroup } from "@/lib/queries/groups";
import { DeleteGroupsModal } from "./delete-groups-modal";
import { GroupPermissionsTab } from "./group-permissions-tab";
import { GroupSummaryPanel } from "./group-summary-panel";
import { GroupUsersTab } from "./group-users-tab";

const SECTIONS = ["users", "permissions", "access-advisor"] as const;

const ADVISOR =
  "Access Advisor shows the services that this group's permissions allow and when its members last accessed them. Use it to remove permissions that are not used.";

/** A user group's page: summary, Delete, and the Users / Permissions / Access Advisor tabs (the tab is in the URL). */
export function GroupDetail({ groupName }: { groupName: string }) {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }, { text: groupName }]);
  const router = useRouter();
  const pathname = usePathname();
  const section = useSearchParams().get("section");
  const active = SECTIONS.find((s) => s === section) ?? "users";
  const group = useGroup(groupName);
  const [deleting, setDeleting] = useState(false);

  if (group.isLoading) return <Spinner size="large" />;
  if (group.error)
    return (
      <SpaceBetween size="m">
        <Header variant="h1">{groupName}</Header>
        <Alert
          type="error"
          header="Couldn't load the user group"
          action={<Button onClick={() => router.push("/groups")}>View user groups</Button>}
        >
          {group.error.message}
        </Alert>
      </SpaceBetween>
    );
  const detail = group.data!;

  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          <Button onClick={() => setDeleting(true)} data-testid="delete-group">
            Delete
          </Button>
        }
      >
        {detail.groupName}
      </Header>
      <GroupSummaryPanel group={detail} />
      <Tabs
        activeTabId={active}
        onChange={(e) => router.replace(`${pathname}?section=${e.detail.activeTabId}`, { scroll: false })}
        tabs={[
          { id: "users", label: `Users (${detail.userCount})`, content: <GroupUsersTab groupName={detail.groupName} /> },
          { id: "permissions", label: "Permissions", content: <GroupPermissionsTab groupName={detail.groupName} /> },
          {
            id: "access-advisor",
            label: "Access Advisor",
            content: <AccessAdvisorTab description={ADVISOR} arn={detail.arn} />,
          },
        ]}
      />
      <DeleteGroupsModal
        groups={deleting ? [{ groupName: detail.groupName, detail }] : []}
        onClose={(deleted) => {
          setDeleting(false);
          if (deleted.length) router.push("/groups");
        }}
      />
    </SpaceBetween>
  );
}
