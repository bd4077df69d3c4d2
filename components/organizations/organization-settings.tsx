"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useState } from "react";
import { CopyText } from "@/components/common/copy-text";
import { useAccount } from "@/lib/queries/account";
import { useOrganization } from "@/lib/queries/organizations";
import { DeleteOrganizationModal } from "./delete-organization-modal";
import { DetailsGrid } from "./details-grid";
import { LeaveOrganizationModal } from "./leave-organization-modal";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

const FEATURE_SET: Record<string, string> = { ALL: "All features", CONSOLIDATED_BILLING: "Consolidated billing" };

/** "Settings": the organization's details; the management account may delete it, a member account may leave it. */
export function OrganizationSettings() {
  useOrgBreadcrumbs([{ text: "Settings", href: "/organizations/settings" }]);
  const org = useOrganization();
  const account = useAccount();
  const [modal, setModal] = useState<"delete" | "leave">();
  const o = org.data?.organization;
  if (!o || account.isLoading) return <Spinner size="large" />;
  const management = account.data?.accountId === o.managementAccountId;

  return (
    <ContentLayout header={<Header variant="h1">Settings</Header>}>
      <SpaceBetween size="l">
        <DetailsGrid
          title="Organization details"
          items={[
            { label: "Organization ID", value: <CopyText text={o.id} label="Organization ID" /> },
            { label: "ARN", value: <CopyText text={o.arn} label="ARN" /> },
            { label: "Feature set", value: FEATURE_SET[o.featureSet] ?? o.featureSet },
            { label: "Management account ID", value: o.managementAccountId },
            { label: "Management account email", value: o.managementAccountEmail || "-" },
          ]}
        />
        {management ? (
          <Container
            header={
              <Header
                variant="h2"
                actions={
                  <Button onClick={() => setModal("delete")} data-testid="delete-organization">
                    Delete organization
                  </Button>
                }
              >
                Delete organization
              </Header>
            }
          >
            <Box>Deleting the organization is permanent. AWS deletes it only when the management account is its last account.</Box>
          </Container>
        ) : (
          <Container
            header={
              <Header
                variant="h2"
                actions={
                  <Button onClick={() => setModal("leave")} data-testid="leave-organization">
                    Leave organization
                  </Button>
                }
              >
                Leave organization
              </Header>
            }
          >
            <Box>Your account ({account.data?.accountId}) leaves the organization and becomes a standalone account.</Box>
          </Container>
        )}
      </SpaceBetween>
      {modal === "delete" && <DeleteOrganizationModal organizationId={o.id} onClose={() => setModal(undefined)} />}
      {modal === "leave" && <LeaveOrganizationModal onClose={() => setModal(undefined)} />}
    </ContentLayout>
  );
}
