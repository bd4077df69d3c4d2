"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tabs from "@cloudscape-design/components/tabs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { DeleteModal } from "@/components/common/delete-modal";
import { ResourceTags } from "@/components/common/resource-tags";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useDeleteProvider, useProvider, useUpdateProviderTags, type ProviderDetail } from "@/lib/queries/identity-providers";
import { dateTime } from "@/lib/format/time";
import { assignRoleHref } from "./provider-href";
import { AudiencesSection, ThumbprintsSection } from "./provider-lists";
import { ProviderRoles } from "./provider-roles";

function Summary({ provider }: { provider: ProviderDetail }) {
  const field = (label: string, value: React.ReactNode) => (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div>{value}</div>
    </div>
  );
  return (
    <Container header={<Header variant="h2">Summary</Header>}>
      <ColumnLayout columns={3} variant="text-grid">
        {field("Provider", provider.name)}
        {field("Provider type", provider.type)}
        {field("Creation time", dateTime(provider.createDate))}
        {field("ARN", <CopyText text={provider.arn} label="ARN" />)}
        {provider.type === "SAML" && field("Valid until", dateTime(provider.validUntil))}
      </ColumnLayout>
    </Container>
  );
}

/** A provider's page: summary, "Assign role" and the roles that trust it, audiences and thumbprints (OIDC) or metadata (SAML), tags, and Delete. */
export function ProviderDetailView({ arn }: { arn: string }) {
  const router = useRouter();
  const notify = useNotify();
  const query = useProvider(arn);
  const remove = useDeleteProvider();
  const tags = useUpdateProviderTags(arn);
  const [deleting, setDeleting] = useState(false);
  const provider = query.data;
  useBreadcrumbs([{ text: "Identity providers", href: "/identity-providers" }, { text: provider?.name ?? "…" }]);
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!provider) return <Box>Loading…</Box>;
  const confirmDelete = () =>
    remove.mutate(arn, {
      onSuccess: () => {
        notify({ type: "success", content: `Provider ${provider.name} deleted.` });
        router.push("/identity-providers");
      },
    });
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setDeleting(true)}>Delete</Button>
            <Button variant="primary" onClick={() => router.push(assignRoleHref(arn))}>
              Assign role
            </Button>
          </SpaceBetween>
        }
      >
        {provider.name}
      </Header>
      <Summary provider={provider} />
      <ProviderRoles arn={arn} />
      <Tabs
        tabs={[
          provider.type === "OpenID Connect"
            ? {
                id: "endpoint",
                label: "Endpoint verification",
                content: (
                  <SpaceBetween size="l">
                    <AudiencesSection provider={provider} />
                    <ThumbprintsSection provider={provider} />
                  </SpaceBetween>
                ),
              }
            : {
                id: "metadata",
                label: "Metadata",
                content: (
                  <Container header={<Header variant="h2">Metadata document</Header>}>
                    <pre style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", margin: 0 }}>{provider.metadata}</pre>
                  </Container>
                ),
              },
          {
            id: "tags",
            label: "Tags",
            content: <ResourceTags tags={provider.tags} update={tags} savedText={`Tags updated for provider ${provider.name}.`} />,
          },
        ]}
      />
      <DeleteModal
        visible={deleting}
        title={`Delete ${provider.name}?`}
        confirmText={provider.name}
        busy={remove.isPending}
        error={remove.error?.message}
        onCancel={() => setDeleting(false)}
        onConfirm={confirmDelete}
      >
        Roles that trust this provider keep it in their trust policies, and can no longer be assumed through it.
      </DeleteModal>
    </SpaceBetween>
  );
}
