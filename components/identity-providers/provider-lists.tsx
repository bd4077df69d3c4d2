"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useUpdateAudiences, useUpdateThumbprints, type ProviderDetail } from "@/lib/queries/identity-providers";

/** An OIDC provider's audiences (client IDs): add one, remove the selected one. */
export function AudiencesSection({ provider }: { provider: ProviderDetail }) {
  const update = useUpdateAudiences(provider.arn);
  const [adding, setAdding] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const items = (provider.audiences ?? []).map((a) => ({ value: a }));
  return (
    <Table
      items={items}
      trackBy="value"
      selectionType="single"
      selectedItems={items.filter((i) => selected.includes(i.value))}
      onSelectionChange={(e) => setSelected(e.detail.selectedItems.map((i) => i.value))}
      columnDefinitions={[{ id: "audience", header: "Audience", cell: (i) => i.value }]}
      header={
        <Header
          counter={`(${items.length})`}
          actions={
            <Button
              disabled={!selected.length}
              loading={update.isPending}
              onClick={() => update.mutate({ remove: selected[0] }, { onSuccess: () => setSelected([]) })}
            >
              Remove
            </Button>
          }
        >
          Audiences
        </Header>
      }
      footer={
        <SpaceBetween size="xs">
          {update.error && <ApiErrorAlert error={update.error} />}
          <SpaceBetween direction="horizontal" size="xs">
            <FormField label="Audience">
              <Input value={adding} data-testid="new-audience" onChange={(e) => setAdding(e.detail.value)} />
            </FormField>
            <Button disabled={!adding.trim()} onClick={() => update.mutate({ add: adding.trim() }, { onSuccess: () => setAdding("") })}>
              Add audience
            </Button>
          </SpaceBetween>
        </SpaceBetween>
      }
    />
  );
}

/** An OIDC provider's thumbprints, replaced as a whole list (UpdateOpenIDConnectProviderThumbprint). */
export function ThumbprintsSection({ provider }: { provider: ProviderDetail }) {
  const update = useUpdateThumbprints(provider.arn);
  const current = provider.thumbprints ?? [];
  const [draft, setDraft] = useState<string>();
  return (
    <Container
      header={
        <Header
          counter={`(${current.length})`}
          description="Certificate thumbprints of the provider's server, up to 5."
          actions={draft === undefined && <Button onClick={() => setDraft(current.join("\n"))}>Manage</Button>}
        >
          Thumbprints
        </Header>
      }
    >
      {draft === undefined ? (
        <SpaceBetween size="xxs">{current.length ? current.map((t) => <div key={t}>{t}</div>) : "-"}</SpaceBetween>
      ) : (
        <SpaceBetween size="s">
          {update.error && <ApiErrorAlert error={update.error} />}
          <FormField label="Thumbprints" description="One per line.">
            <textarea
              aria-label="Thumbprints"
              rows={5}
              cols={48}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="thumbprints"
            />
          </FormField>
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setDraft(undefined)}>Cancel</Button>
            <Button
              variant="primary"
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  draft
                    .split(/\s+/)
                    .map((t) => t.trim())
                    .filter(Boolean),
                  { onSuccess: () => setDraft(undefined) },
                )
              }
            >
              Save changes
            </Button>
          </SpaceBetween>
        </SpaceBetween>
      )}
    </Container>
  );
}
