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
import { useAttachRolePolicies } from "@/lib/queries/roles";
import { roleHref } from "./role-href";

/** "Add permissions → Attach policies": AttachRolePolicy for each chosen managed policy. */
export function AttachRolePolicies({ roleName }: { roleName: string }) {
  const back = roleHref(roleName);
  useBreadcrumbs([{ text: "Roles", href: "/roles" }, { text: roleName, href: back }, { text: "Attach policies" }]);
  const router = useRouter();
  const notify = useNotify();
  const attach = useAttachRolePolicies(roleName);
  const [arns, setArns] = useState<string[]>([]);

  const submit = () =>
    attach.mutate(arns, {
      onSuccess: () => {
        notify({ type: "success", content: `${arns.length} polic${arns.length === 1 ? "y" : "ies"} attached to role ${roleName}.` });
        router.push(back);
      },
    });

  return (
    <Form
      header={<Header variant="h1">Attach policy to {roleName}</Header>}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" onClick={() => router.push(back)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!arns.length} loading={attach.isPending} onClick={submit} data-testid="attach-policies">
            Add permissions
          </Button>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        {attach.error && (
          <Alert type="error" header={(attach.error as { code?: string }).code ?? "Error"}>
            {attach.error.message}
          </Alert>
        )}
        <PolicyPicker selected={arns} onChange={setArns} title="Other permissions policies" />
      </SpaceBetween>
    </Form>
  );
}
