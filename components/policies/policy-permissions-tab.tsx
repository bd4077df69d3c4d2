"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { PolicyPermissionsSummary } from "@/components/policy-editor/policy-summary";
import { policyHref, usePolicyVersion, type PolicyDetail } from "@/lib/queries/policies";

export const editorHeight = (text: string) => Math.min(640, Math.max(200, text.split("\n").length * 19 + 24));

/** The default version's document, read-only; customer managed policies offer "Edit" (a new default version). */
export function PolicyPermissionsTab({ policy }: { policy: PolicyDetail }) {
  const router = useRouter();
  const version = usePolicyVersion(policy.arn, policy.defaultVersionId);
  const [view, setView] = useState<"json" | "summary">("json");
  const document = version.data?.document ?? "";
  const customer = policy.type === "Customer managed";

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`The default version, ${policy.defaultVersionId}, defines the permissions of this policy.`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <SegmentedControl
                selectedId={view}
                onChange={(e) => setView(e.detail.selectedId as "json" | "summary")}
                label="View"
                options={[
                  { id: "summary", text: "Summary" },
                  { id: "json", text: "JSON" },
                ]}
              />
              {customer && (
                <Button onClick={() => router.push(policyHref(policy.arn, "/edit"))} data-testid="edit-policy">
                  Edit
                </Button>
              )}
            </SpaceBetween>
          }
        >
          Permissions defined in this policy
        </Header>
      }
    >
      {version.isLoading ? (
        <Spinner />
      ) : version.error ? (
        <Alert type="error" header={(version.error as { code?: string }).code ?? "Error"}>
          {version.error.message}
        </Alert>
      ) : view === "json" ? (
        <PolicyEditor value={document} readOnly kind="identity" height={editorHeight(document)} />
      ) : (
        <PolicyPermissionsSummary document={document} />
      )}
    </Container>
  );
}
