"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import type { PermissionsDraft } from "./permissions-step";
import { policyNameOf } from "./policy-arn";
import { RoleDetailsForm, type RoleDetailsDraft } from "./role-details-form";
import { SelectedPoliciesTable } from "./selected-policies-table";
import { TrustPolicyView } from "./trust-policy-view";

type Props = {
  details: RoleDetailsDraft;
  onDetailsChange: (v: RoleDetailsDraft) => void;
  detailErrors: Partial<Record<keyof RoleDetailsDraft, string>>;
  trustPolicy: string;
  permissions: PermissionsDraft;
  tags: TagDraft[];
  onTagsChange: (tags: TagDraft[]) => void;
  createError?: { code: string; message: string };
  onEditStep: (index: number) => void;
};

const editButton = (onClick: () => void) => <Button onClick={onClick}>Edit</Button>;

/** Step 3, "Name, review, and create". AWS's error from the create, if any, is shown verbatim at the top. */
export function ReviewStep(props: Props) {
  const { permissions } = props;
  return (
    <SpaceBetween size="l">
      {props.createError && (
        <Alert type="error" header={props.createError.code} data-testid="create-role-error">
          {props.createError.message}
        </Alert>
      )}
      <RoleDetailsForm value={props.details} onChange={props.onDetailsChange} errors={props.detailErrors} />
      <Container
        header={
          <Header variant="h2" actions={editButton(() => props.onEditStep(0))}>
            Step 1: Select trusted entities
          </Header>
        }
      >
        <TrustPolicyView document={props.trustPolicy} />
      </Container>
      <Container
        header={
          <Header variant="h2" actions={editButton(() => props.onEditStep(1))}>
            Step 2: Add permissions
          </Header>
        }
      >
        <SpaceBetween size="m">
          <SelectedPoliciesTable arns={permissions.policyArns} />
          <div>
            <Box variant="awsui-key-label">Permissions boundary</Box>
            <div>
              {permissions.useBoundary && permissions.boundaryArn
                ? policyNameOf(permissions.boundaryArn)
                : "Permissions boundary is not set"}
            </div>
          </div>
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for resources."
          >
            Step 3: Add tags - optional
          </Header>
        }
      >
        <TagsEditor tags={props.tags} onChange={props.onTagsChange} />
      </Container>
    </SpaceBetween>
  );
}
