"use client";

import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { useOrganizationalUnit } from "@/lib/queries/organizations";
import { DetailsGrid } from "./details-grid";
import { NodeActionModals, type NodeAction } from "./node-action-modals";
import { NodeChildrenTab } from "./node-children-tab";
import { NodePoliciesTab } from "./node-policies-tab";
import { NodeTagsTab } from "./node-tags-tab";
import { ParentLink } from "./parent-link";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";
import { useTab } from "./use-tab";

/** An organizational unit's page: details, what is in it, the policies that apply to it, its tags. */
export function OuDetail({ ouId }: { ouId: string }) {
  const router = useRouter();
  const ou = useOrganizationalUnit(ouId);
  const [action, setAction] = useState<NodeAction>();
  const [tab, setTab] = useTab(["children", "policies", "tags"] as const);
  useOrgBreadcrumbs([{ text: "AWS accounts", href: "/organizations/accounts" }, { text: ou.data?.name ?? ouId }]);

  if (ou.isLoading) return <Spinner size="large" />;
  if (!ou.data) return <ApiErrorAlert error={ou.error ?? new Error("The organizational unit could not be loaded.")} />;
  const o = ou.data;
  const node = { id: o.id, name: o.name };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="An organizational unit (OU): a container for accounts and other OUs."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => setAction({ kind: "rename-ou", ou: node })}>Rename</Button>
              <Button onClick={() => setAction({ kind: "delete-ou", ou: node })}>Delete</Button>
              <Button onClick={() => setAction({ kind: "create-ou", parent: { kind: "ou", arn: o.arn, ...node } })}>
                Create new OU in it
              </Button>
            </SpaceBetween>
          }
        >
          {o.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DetailsGrid
          title="Organizational unit details"
          items={[
            { label: "Name", value: o.name },
            { label: "ID", value: <CopyText text={o.id} label="OU ID" /> },
            { label: "ARN", value: <CopyText text={o.arn} label="ARN" /> },
            { label: "Parent", value: <ParentLink parent={o.ancestors.at(-1)} /> },
          ]}
        />
        <Tabs
          activeTabId={tab}
          onChange={(e) => setTab(e.detail.activeTabId)}
          tabs={[
            { id: "children", label: "Accounts and OUs", content: <NodeChildrenTab parentId={o.id} /> },
            { id: "policies", label: "Policies", content: <NodePoliciesTab target={node} rootId={o.ancestors[0]?.id ?? ""} /> },
            { id: "tags", label: "Tags", content: <NodeTagsTab resource={node} /> },
          ]}
        />
      </SpaceBetween>
      <NodeActionModals action={action} onClose={() => setAction(undefined)} onGone={() => router.push("/organizations/accounts")} />
    </ContentLayout>
  );
}
