"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormActions } from "@/components/common/form-actions";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNewAccessGate } from "@/components/policy-editor/new-access-gate";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import type { OrgPolicy } from "@/lib/queries/organizations-policies";
import { useCreateOrgPolicy, useUpdateOrgPolicy } from "@/lib/queries/organizations-mutations";
import { tagsSchema } from "@/lib/schemas/iam";
import { orgPolicyDescriptionSchema, orgPolicyNameSchema, POLICY_CONTENT_MAX, type EditablePolicyType } from "@/lib/schemas/organizations";
import { orgPolicyHref, typeHref, type PolicyTypeInfo } from "./org-labels";
import { orgPolicyTemplate } from "./org-policy-template";
import { PolicySizeMeter } from "./policy-size-meter";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

/**
 * Create (CreatePolicy) or edit (UpdatePolicy) an SCP or RCP: name, description, the JSON in the shared policy editor
 * with live findings and the 5,120-character meter, and tags on creation. A policy with errors, or too long, is not sent.
 */
export function OrgPolicyForm({ info, policy }: { info: PolicyTypeInfo; policy?: OrgPolicy }) {
  useOrgBreadcrumbs([
    { text: "Policies", href: "/organizations/policies" },
    { text: info.name, href: typeHref(info.type) },
    ...(policy ? [{ text: policy.name, href: orgPolicyHref(info.type, policy.id) }, { text: "Edit" }] : [{ text: "Create" }]),
  ]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateOrgPolicy();
  const update = useUpdateOrgPolicy(policy?.id ?? "");
  const save = policy ? update : create;
  const [name, setName] = useState(policy?.name ?? "");
  const [description, setDescription] = useState(policy?.description ?? "");
  const [content, setContent] = useState(policy?.content ?? orgPolicyTemplate(info));
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const kept = tags.filter((t) => t.Key || t.Value);
  const errors = {
    name: firstError(orgPolicyNameSchema.safeParse(name)),
    description: firstError(orgPolicyDescriptionSchema.safeParse(description)),
  };
  const tooLong = content.length > POLICY_CONTENT_MAX;
  const newAccess = useNewAccessGate({
    existing: policy && info.kind ? policy.content : undefined,
    document: content,
    kind: info.kind ?? "scp",
    existingLabel: `the current ${info.singular}`,
  });
  const done = (p: OrgPolicy) => {
    notify({
      type: "success",
      content: `Policy ${p.name} ${policy ? "was updated" : "was created"}.`,
      action: policy ? undefined : <Button onClick={() => router.push(orgPolicyHref(p.type, p.id))}>View policy</Button>,
    });
    router.push(orgPolicyHref(p.type, p.id));
  };

  const submit = async () => {
    setTouched(true);
    if (errors.name || errors.description || tooLong || !tagsSchema.safeParse(kept).success) return;
    // As IAM's editors do, and on the very text about to be sent: a policy with grammar errors goes no further.
    if (policyHasErrors(content, info.kind!)) return setBlocked(true);
    if (!(await newAccess.allowsSave())) return;
    if (policy) update.mutate({ name, description, content }, { onSuccess: done });
    else create.mutate({ type: info.type as EditablePolicyType, name, description, content, tags: kept }, { onSuccess: done });
  };

  const apiError = save.error;
  const errorText = blocked
    ? RESOLVE_POLICY_ERRORS
    : apiError
      ? `${apiError instanceof ApiError ? apiError.code : "Error"}: ${apiError.message}`
      : undefined;
  return (
    <Form
      header={
        <Header variant="h1" description={info.description}>
          {policy ? `Edit ${policy.name}` : `Create new ${info.singular}`}
        </Header>
      }
      errorText={errorText && <span data-testid="org-policy-form-error">{errorText}</span>}
      errorIconAriaLabel="Error"
      actions={
        <FormActions
          onCancel={() => router.push(policy ? orgPolicyHref(info.type, policy.id) : typeHref(info.type))}
          onConfirm={() => void submit()}
          disabled={tooLong}
          busy={save.isPending}
          testId="save-org-policy"
        >
          {policy ? "Save changes" : "Create policy"}
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Details</Header>}>
          <SpaceBetween size="l">
            <FormField label="Policy name" constraintText="Up to 128 characters." errorText={touched ? errors.name : undefined}>
              <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="Policy name" data-testid="org-policy-name" />
            </FormField>
            <FormField label="Policy description - optional" constraintText="Up to 512 characters." errorText={errors.description}>
              <Textarea value={description} rows={2} onChange={(e) => setDescription(e.detail.value)} ariaLabel="Policy description" />
            </FormField>
          </SpaceBetween>
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              description={`The policy in JSON. It can have up to ${POLICY_CONTENT_MAX.toLocaleString("en-US")} characters.`}
            >
              Policy
            </Header>
          }
        >
          <SpaceBetween size="xs">
            <PolicyEditor value={content} onChange={(text) => (setContent(text), setBlocked(false))} kind={info.kind} height={380} />
            <PolicySizeMeter length={content.length} />
          </SpaceBetween>
        </Container>
        {newAccess.panel}
        {!policy && (
          <Container header={<Header variant="h2">Tags - optional</Header>}>
            <TagsEditor tags={tags} onChange={setTags} />
          </Container>
        )}
      </SpaceBetween>
    </Form>
  );
}
