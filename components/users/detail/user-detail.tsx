"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { AccessAdvisorTab, EffectivePermissionsTab, TabLoading } from "@/components/common/lazy-tabs";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { useUserDetail } from "@/lib/queries/user-detail";
import { PermissionsTab } from "./permissions-tab";
import { UserSummary } from "./user-summary";

// The tabs not shown on arrival load when first shown; the Delete modal just after the page.
const DeleteUserModal = dynamic(() => import("./delete-user-modal").then((m) => m.DeleteUserModal), { ssr: false });
const GroupsTab = dynamic(() => import("./groups-tab").then((m) => m.GroupsTab), { ssr: false, loading: TabLoading });
const SecurityCredentialsTab = dynamic(() => import("./security-credentials-tab").then((m) => m.SecurityCredentialsTab), {
  ssr: false,
  loading: TabLoading,
});
const TagsTab = dynamic(() => import("./tags-tab").then((m) => m.TagsTab), { ssr: false, loading: TabLoading });

const SECTIONS = ["permissions", "effective_permissions", "groups", "tags", "security_credentials", "access_advisor"] as const;

const ADVISOR =
  "Access Advisor shows the services that this user's permissions allow and when they were last accessed. Use it to remove permissions that are not used.";

/** An IAM user's page as the AWS console has it: Summary, Delete, and the tabs (the tab is kept in the URL). */
export function UserDetailPage({ userName }: { userName: string }) {
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: userName }]);
  const router = useRouter();
  const pathname = usePathname();
  const section = useSearchParams().get("section");
  const active = SECTIONS.find((s) => s === section) ?? "permissions";
  const user = useUserDetail(userName);
  const [deleting, setDeleting] = useState(false);

  if (user.isLoading) return <Spinner size="large" />;
  if (user.error || !user.data)
    return (
      <SpaceBetween size="m">
        <Header variant="h1">{userName}</Header>
        <Alert type="error" header="Couldn't load the user" action={<Button onClick={() => router.push("/users")}>View users</Button>}>
          {user.error?.message}
        </Alert>
      </SpaceBetween>
    );
  const detail = user.data;

  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          <Button onClick={() => setDeleting(true)} data-testid="delete-user">
            Delete
          </Button>
        }
      >
        {detail.userName}
      </Header>
      <UserSummary user={detail} />
      <Tabs
        activeTabId={active}
        onChange={(e) => router.replace(`${pathname}?section=${e.detail.activeTabId}`, { scroll: false })}
        tabs={[
          { id: "permissions", label: "Permissions", content: <PermissionsTab user={detail} /> },
          {
            id: "effective_permissions",
            label: "Effective permissions",
            content: <EffectivePermissionsTab principal={{ type: "user", name: detail.userName }} />,
          },
          { id: "groups", label: "Groups", content: <GroupsTab userName={detail.userName} /> },
          { id: "tags", label: `Tags (${detail.tags.length})`, content: <TagsTab user={detail} /> },
          { id: "security_credentials", label: "Security credentials", content: <SecurityCredentialsTab user={detail} /> },
          {
            id: "access_advisor",
            label: "Access Advisor",
            content: <AccessAdvisorTab description={ADVISOR} arn={detail.arn} />,
          },
        ]}
      />
      <DeleteUserModal user={detail} visible={deleting} onClose={() => setDeleting(false)} />
    </SpaceBetween>
  );
}
