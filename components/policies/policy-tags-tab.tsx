"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNotify } from "@/components/shell/shell-context";
import type { PolicyDetail } from "@/lib/queries/policies";
import { useUpdatePolicyTags } from "@/lib/queries/policy-mutations";
import { tagsSchema } from "@/lib/schemas/iam";

/** The policy's tags; customer managed policies can be re-tagged ("Manage tags"), AWS managed ones are read-only. */
export function PolicyTagsTab({ policy }: { policy: PolicyDetail }) {
  const notify = useNotify();
  const update = useUpdatePolicyTags(policy.arn);
  const [draft, setDraft] = useState<TagDraft[]>();
  const [error, setError] = useState<string>();
  const customer = policy.type === "Customer managed";

  if (draft) {
    const tags = draft.filter((t) => t.Key || t.Value);
    const valid = tagsSchema.safeParse(tags).success;
    const save = () =>
      update.mutate(tags, {
        onSuccess: () => {
          setDraft(undefined);
          notify({ type: "success", content: `Tags of ${policy.policyName} saved.` });
        },
        onError: (err) => setError(`${(err as { code?: string }).code ?? "Error"}: ${err.message}`),
      });
    return (
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => (setDraft(undefined), setError(undefined))}>
                  Cancel
                </Button>
                <Button variant="primary" disabled={!valid} loading={update.isPending} onClick={save} data-testid="save-tags">
                  Save changes
                </Button>
              </SpaceBetween>
            }
          >
            Manage tags
          </Header>
        }
      >
        <SpaceBetween size="m">
          <TagsEditor tags={draft} onChange={setDraft} />
          {error && <Alert type="error">{error}</Alert>}
        </SpaceBetween>
      </Container>
    );
  }

  return (
    <Table
      items={policy.tags}
      trackBy="Key"
      header={
        <Header
          counter={`(${policy.tags.length})`}
          description="Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for resources."
          actions={
            customer && (
              <Button onClick={() => setDraft(policy.tags.map((t) => ({ ...t })))} data-testid="manage-tags">
                Manage tags
              </Button>
            )
          }
        >
          Tags
        </Header>
      }
      columnDefinitions={[
        { id: "key", header: "Key", cell: (t) => t.Key },
        { id: "value", header: "Value", cell: (t) => t.Value || "-" },
      ]}
      empty={<Box color="text-body-secondary">No tags associated with the resource.</Box>}
    />
  );
}
