"use client";

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
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useInviteAccount } from "@/lib/queries/organizations-mutations";

// The validation (zod) is fetched after the page: the fields start empty.
const loadSchemas = () =>
  Promise.all([import("@/lib/schemas/organizations"), import("@/lib/schemas/iam")]).then(([org, iam]) => ({ ...org, ...iam }));

/** "Invite an existing AWS account": InviteAccountToOrganization by account ID or by its owner's email address. */
export function InviteAccountForm() {
  const router = useRouter();
  const notify = useNotify();
  const invite = useInviteAccount();
  const [target, setTarget] = useState("");
  const [notes, setNotes] = useState("");
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const kept = tags.filter((t) => t.Key || t.Value);
  const schemas = useDeferredModule(loadSchemas);
  const check = schemas?.inviteAccountSchema.safeParse({ target, notes, tags: kept });
  const issue = (field: string) => (!check || check.success ? undefined : check.error.issues.find((i) => i.path[0] === field)?.message);

  const submit = async () => {
    setTouched(true);
    const { inviteAccountSchema, tagsSchema } = await loadSchemas();
    if (!inviteAccountSchema.safeParse({ target, notes, tags: kept }).success || !tagsSchema.safeParse(kept).success) return;
    invite.mutate(
      { target: target.trim(), notes: notes || undefined, tags: kept },
      {
        onSuccess: (h) => {
          notify({
            type: "success",
            content: `An invitation (${h.id}) was sent to ${target.trim()}. It stays open until the account accepts or declines it.`,
          });
          router.push("/organizations/invitations");
        },
      },
    );
  };

  const error = invite.error;
  return (
    <Form
      errorText={error ? `${error instanceof ApiError ? error.code : "Error"}: ${error.message}` : undefined}
      errorIconAriaLabel="Error"
      actions={
        <FormActions
          onCancel={() => router.push("/organizations/accounts")}
          onConfirm={submit}
          busy={invite.isPending}
          testId="invite-account-submit"
        >
          Send invitation
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Invitation</Header>}>
          <SpaceBetween size="l">
            <FormField
              label="Email address or account ID of the AWS account to invite"
              description="The account's owner receives the invitation and can accept or decline it."
              errorText={touched ? issue("target") : undefined}
            >
              <Input
                value={target}
                onChange={(e) => setTarget(e.detail.value)}
                ariaLabel="Email address or account ID"
                data-testid="invite-target"
              />
            </FormField>
            <FormField label="Message to include in the invitation email - optional" errorText={issue("notes")}>
              <Textarea
                value={notes}
                onChange={(e) => setNotes(e.detail.value)}
                ariaLabel="Message to include in the invitation email"
                rows={3}
              />
            </FormField>
          </SpaceBetween>
        </Container>
        <Container
          header={
            <Header variant="h2" description="Tags attached to the account when it joins.">
              Tags - optional
            </Header>
          }
        >
          <TagsEditor tags={tags} onChange={setTags} />
        </Container>
      </SpaceBetween>
    </Form>
  );
}
