"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { PolicyPermissionsSummary } from "@/components/policy-editor/policy-summary";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";

export type PolicyDetailsDraft = { policyName: string; description: string; tags: TagDraft[] };

type Props = {
  draft: PolicyDetailsDraft;
  onChange: (draft: PolicyDetailsDraft) => void;
  document: string;
  errors: { policyName?: string; description?: string };
};

/** Step 2, "Review and create": name and description (checked as typed), the permissions, tags. */
export function CreatePolicyReviewStep({ draft, onChange, document, errors }: Props) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Policy details</Header>}>
        <SpaceBetween size="l">
          <FormField
            label="Policy name"
            description="Enter a meaningful name to identify this policy."
            constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
            errorText={errors.policyName}
          >
            <Input
              value={draft.policyName}
              placeholder="Enter a policy name"
              onChange={(e) => onChange({ ...draft, policyName: e.detail.value })}
              data-testid="policy-name"
              ariaLabel="Policy name"
            />
          </FormField>
          <FormField
            label={
              <span>
                Description - <i>optional</i>
              </span>
            }
            description="Add a short explanation for this policy."
            constraintText="Maximum 1,000 characters. Use alphanumeric and '+=,.@-_' characters."
            errorText={errors.description}
          >
            <Textarea
              value={draft.description}
              rows={3}
              onChange={(e) => onChange({ ...draft, description: e.detail.value })}
              data-testid="policy-description"
              ariaLabel="Description"
            />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">Permissions defined in this policy</Header>}>
        <PolicyPermissionsSummary document={document} />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for resources."
          >
            Add tags - <i>optional</i>
          </Header>
        }
      >
        <TagsEditor tags={draft.tags} onChange={(tags) => onChange({ ...draft, tags })} />
      </Container>
    </SpaceBetween>
  );
}
