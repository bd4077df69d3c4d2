"use client";

import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { useRoot } from "@/lib/queries/organizations";
import { DetailsGrid } from "./details-grid";
import { NodeActionModals, type NodeAction } from "./node-action-modals";
import { NodeChildrenTab } from "./node-children-tab";
import { NodePoliciesTab } from "./node-policies-tab";
import { NodeTagsTab } from "./node-tags-tab";
import { typeInfo } from "./org-labels";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";
import { useTab } from "./use-tab";

/** The organization's root: its policy types, what is in it, the policies attached to it, its tags. */
export function RootDetail({ rootId }: { rootId: string }) {
  const root = useRoot(rootId);
  const [action, setAction] = useState<NodeAction>();
  const [tab, setTab] = useTab(["children", "policies", "tags"] as const);
  useOrgBreadcrumbs([{ text: "AWS accounts", href: "/organizations/accounts" }, { text: "Root" }]);

  if (root.isLoading) return <Spinner size="large" />;
  if (!root.data) return <ApiErrorAlert error={root.error ?? new Error("The root could not be loaded.")} />;
  const r = root.data;
  const node = { id: r.id, name: r.name };
  const enabled = r.policyTypes.filter((t) => t.status === "ENABLED").map((t) => typeInfo(t.type)?.name ?? t.type);

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="The root contains every OU and account of the organization. Policies attached to it apply to all of them."
          actions={
            <Button onClick={() => setAction({ kind: "create-ou", parent: { kind: "root", arn: r.arn, ...node } })}>
              Create new OU in it
            </Button>
          }
        >
          {r.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DetailsGrid
          title="Root details"
          items={[
            { label: "Name", value: r.name },
            { label: "ID", value: <CopyText text={r.id} label="Root ID" /> },
            { label: "ARN", value: <CopyText text={r.arn} label="ARN" /> },
            { label: "Enabled policy types", value: enabled.length ? enabled.join(", ") : "None" },
          ]}
        />
        <Tabs
          activeTabId={tab}
          onChange={(e) => setTab(e.detail.activeTabId)}
          tabs={[
            { id: "children", label: "Accounts and OUs", content: <NodeChildrenTab parentId={r.id} /> },
            { id: "policies", label: "Policies", content: <NodePoliciesTab target={node} rootId={r.id} /> },
            { id: "tags", label: "Tags", content: <NodeTagsTab resource={node} /> },
          ]}
        />
      </SpaceBetween>
      <NodeActionModals action={action} onClose={() => setAction(undefined)} />
    </ContentLayout>
  );
}
