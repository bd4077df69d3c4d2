"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useAttachGroupPolicies, useGroupPermissions } from "@/lib/queries/groups";
import { groupHref } from "./group-href";

/** "Attach policies" to a group: pick managed policies; all are attached, or none (IAM's quota error shown as is). */
export function AttachGroupPolicies({ groupName }: { groupName: string }) {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }, { text: groupName, href: groupHref(groupName) }, { text: "Attach policies" }]);
  const router = useRouter();
  const notify = useNotify();
  const attach = useAttachGroupPolicies(groupName);
  const current = useGroupPermissions(groupName);
  const [selected, setSelected] = useState<string[]>([]);
  const error = attach.error instanceof ApiError ? attach.error : undefined;
  const back = groupHref(groupName, "?section=permissions");
  const attachedCount = current.data?.attachedPolicies.length ?? 0;

  const submit = () =>
    attach.mutate(selected, {
      onSuccess: (r) => {
        notify({ type: "success", header: `Attached ${r.attached.length} polic${r.attached.length === 1 ? "y" : "ies"} to ${groupName}.` });
        router.push(back);
      },
    });

  return (
    <Form
      header={
        <Header variant="h1" description={`Attach managed policies to ${groupName}. The group currently has ${attachedCount} attached managed ${attachedCount === 1 ? "policy" : "policies"} (the default quota is 10).`}>
          Attach permission policies to {groupName}
        </Header>
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" onClick={() => router.push(back)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!selected.length} loading={attach.isPending} onClick={submit} data-testid="attach-policies-submit">
            Attach policies
          </Button>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="m">
        {error && (
          <Alert type="error" header={`${error.code}: ${error.message}`}>
            <span style={{ whiteSpace: "pre-wrap" }}>{error.fieldErrors?.policyArns ?? ""}</span>
          </Alert>
        )}
        <PolicyPicker title="Other permissions policies" selected={selected} onChange={(arns) => (setSelected(arns), attach.reset())} />
      </SpaceBetween>
    </Form>
  );
}
