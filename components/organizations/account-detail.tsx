"use client";

import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Tabs from "@cloudscape-design/components/tabs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { dateTime } from "@/lib/format/time";
import { useOrganization, useOrgAccount } from "@/lib/queries/organizations";
import { DetailsGrid } from "./details-grid";
import { NodeActionModals, type NodeAction } from "./node-action-modals";
import { NodePoliciesTab } from "./node-policies-tab";
import { NodeTagsTab } from "./node-tags-tab";
import { ACCOUNT_STATE, JOINED_METHOD } from "./org-labels";
import { ParentLink } from "./parent-link";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";
import { useTab } from "./use-tab";

/** A member account's page: its details, the policies that apply to it (directly and inherited), its tags. */
export function AccountDetail({ accountId }: { accountId: string }) {
  const router = useRouter();
  const account = useOrgAccount(accountId);
  const org = useOrganization();
  const [action, setAction] = useState<NodeAction>();
  const name = account.data?.name ?? accountId;
  const [tab, setTab] = useTab(["policies", "tags"] as const);
  useOrgBreadcrumbs([{ text: "AWS accounts", href: "/organizations/accounts" }, { text: name }]);

  if (account.isLoading) return <Spinner size="large" />;
  if (!account.data) return <ApiErrorAlert error={account.error ?? new Error("The account could not be loaded.")} />;
  const a = account.data;
  const parent = a.ancestors.at(-1);
  const member = a.id !== org.data?.organization?.managementAccountId;
  const state = ACCOUNT_STATE[a.state] ?? { text: a.state, status: "pending" as const };
  const node = { id: a.id, name: a.name };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={member ? "A member account of your organization." : "Your organization's management account."}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => parent && setAction({ kind: "move", account: { ...node, parentId: parent.id } })}>Move</Button>
              {member && <Button onClick={() => setAction({ kind: "remove", account: node })}>Remove from organization</Button>}
              {member && <Button onClick={() => setAction({ kind: "close", account: node })}>Close</Button>}
            </SpaceBetween>
          }
        >
          {a.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DetailsGrid
          title="Account details"
          items={[
            { label: "Account name", value: a.name },
            { label: "Account ID", value: <CopyText text={a.id} label="Account ID" /> },
            { label: "Email", value: a.email || "-" },
            { label: "ARN", value: <CopyText text={a.arn} label="ARN" /> },
            { label: "Joined method", value: JOINED_METHOD[a.joinedMethod] ?? a.joinedMethod },
            { label: "Joined date", value: dateTime(a.joinedTimestamp) },
            { label: "State", value: <StatusIndicator type={state.status}>{state.text}</StatusIndicator> },
            { label: "Parent", value: <ParentLink parent={parent} /> },
          ]}
        />
        <Tabs
          activeTabId={tab}
          onChange={(e) => setTab(e.detail.activeTabId)}
          tabs={[
            { id: "policies", label: "Policies", content: <NodePoliciesTab target={node} rootId={a.ancestors[0]?.id ?? ""} /> },
            { id: "tags", label: "Tags", content: <NodeTagsTab resource={node} /> },
          ]}
        />
      </SpaceBetween>
      <NodeActionModals action={action} onClose={() => setAction(undefined)} onGone={() => router.push("/organizations/accounts")} />
    </ContentLayout>
  );
}
