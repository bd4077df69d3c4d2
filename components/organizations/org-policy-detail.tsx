"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Tabs from "@cloudscape-design/components/tabs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useOrgPolicy } from "@/lib/queries/organizations-policies";
import { DeleteOrgPolicyModal } from "./delete-org-policy-modal";
import { DetailsGrid } from "./details-grid";
import { NodeTagsTab } from "./node-tags-tab";
import { orgPolicyHref, typeHref, type PolicyTypeInfo } from "./org-labels";
import { PolicySizeMeter } from "./policy-size-meter";
import { PolicyTargetsTab } from "./policy-targets-tab";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";
import { useTab } from "./use-tab";

/** An SCP's or RCP's page: details, its content (read-only), its targets and tags. AWS managed policies are read-only. */
export function OrgPolicyDetail({ info, policyId }: { info: PolicyTypeInfo; policyId: string }) {
  const router = useRouter();
  const policy = useOrgPolicy(policyId);
  const [deleting, setDeleting] = useState(false);
  const [tab, setTab] = useTab(["content", "targets", "tags"] as const);
  useOrgBreadcrumbs([
    { text: "Policies", href: "/organizations/policies" },
    { text: info.name, href: typeHref(info.type) },
    { text: policy.data?.name ?? policyId },
  ]);

  if (policy.isLoading) return <Spinner size="large" />;
  if (!policy.data) return <ApiErrorAlert error={policy.error ?? new Error("The policy could not be loaded.")} />;
  const p = policy.data;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={p.awsManaged ? "An AWS managed policy: AWS maintains it, so it can't be edited or deleted." : undefined}
          actions={
            !p.awsManaged && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setDeleting(true)} data-testid="delete-org-policy">
                  Delete
                </Button>
                <Button onClick={() => router.push(orgPolicyHref(p.type, p.id, "/edit"))} data-testid="edit-org-policy">
                  Edit policy
                </Button>
              </SpaceBetween>
            )
          }
        >
          {p.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DetailsGrid
          title="Policy details"
          items={[
            { label: "Policy name", value: p.name },
            { label: "Policy ID", value: <CopyText text={p.id} label="Policy ID" /> },
            { label: "ARN", value: <CopyText text={p.arn} label="ARN" /> },
            { label: "Policy type", value: info.name },
            { label: "Managed by", value: p.awsManaged ? "AWS" : "Customer" },
            { label: "Description", value: p.description || "-" },
          ]}
        />
        <Tabs
          activeTabId={tab}
          onChange={(e) => setTab(e.detail.activeTabId)}
          tabs={[
            {
              id: "content",
              label: "Content",
              content: (
                <Container header={<Header variant="h2">Policy</Header>}>
                  <SpaceBetween size="xs">
                    <PolicyEditor value={p.content} kind={info.kind} readOnly height={320} />
                    <PolicySizeMeter length={p.content.length} />
                  </SpaceBetween>
                </Container>
              ),
            },
            { id: "targets", label: "Targets", content: <PolicyTargetsTab policy={p} /> },
            { id: "tags", label: "Tags", content: <NodeTagsTab resource={p} readOnly={p.awsManaged} /> },
          ]}
        />
      </SpaceBetween>
      {deleting && (
        <DeleteOrgPolicyModal policy={p} onClose={() => setDeleting(false)} onDeleted={() => router.push(typeHref(info.type))} />
      )}
    </ContentLayout>
  );
}
