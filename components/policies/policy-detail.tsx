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
import { AccessAdvisorTab } from "@/components/common/access-advisor-tab";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import type { ApiError } from "@/lib/queries/api";
import { policyHref, usePolicy } from "@/lib/queries/policies";
import { DeletePolicyModal } from "./delete-policy-modal";
import { PolicyEntitiesTab } from "./policy-entities-tab";
import { PolicyPermissionsTab } from "./policy-permissions-tab";
import { PolicySummary } from "./policy-summary";
import { PolicyTagsTab } from "./policy-tags-tab";
import { PolicyVersionsTab } from "./policy-versions-tab";

const TABS = ["permissions", "entities", "tags", "versions", "last_accessed"] as const;

const ADVISOR =
  "Last accessed information shows the services that this policy allows and when the entities it is attached to last accessed them. Use it to remove permissions that are not used.";

/** A managed policy's page; AWS managed policies are read-only here, as in the AWS console. */
export function PolicyDetailPage({ policyArn }: { policyArn: string }) {
  const policy = usePolicy(policyArn);
  const name = policy.data?.policyName ?? policyArn.split("/").pop() ?? policyArn;
  useBreadcrumbs([
    { text: "Policies", href: "/policies" },
    { text: name, href: policyHref(policyArn) },
  ]);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [deleting, setDeleting] = useState(false);
  const tab = TABS.find((t) => t === search.get("tab")) ?? "permissions";

  if (policy.isLoading) return <Spinner size="large" />;
  if (policy.error || !policy.data) {
    const e = policy.error as ApiError | null;
    return (
      <Alert type="error" header={e?.code ?? "Error"}>
        {e?.message ?? "The policy could not be loaded."}
      </Alert>
    );
  }
  const p = policy.data;
  const customer = p.type === "Customer managed";

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={customer ? undefined : "This is an AWS managed policy: AWS maintains it, so it can't be edited or deleted."}
          actions={
            customer && (
              <Button onClick={() => setDeleting(true)} data-testid="delete-policy">
                Delete
              </Button>
            )
          }
        >
          {p.policyName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <PolicySummary policy={p} />
        <Tabs
          activeTabId={tab}
          onChange={(e) => router.replace(`${pathname}?tab=${e.detail.activeTabId}`, { scroll: false })}
          tabs={[
            { id: "permissions", label: "Permissions", content: <PolicyPermissionsTab policy={p} /> },
            { id: "entities", label: "Entities attached", content: <PolicyEntitiesTab policy={p} /> },
            { id: "tags", label: `Tags (${p.tags.length})`, content: <PolicyTagsTab policy={p} /> },
            { id: "versions", label: "Policy versions", content: <PolicyVersionsTab policy={p} /> },
            { id: "last_accessed", label: "Last Accessed", content: <AccessAdvisorTab description={ADVISOR} arn={p.arn} /> },
          ]}
        />
      </SpaceBetween>
      {deleting && <DeletePolicyModal policy={p} onClose={() => setDeleting(false)} onStart={() => router.push("/policies")} />}
    </ContentLayout>
  );
}
