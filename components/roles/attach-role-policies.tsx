"use client";

import Header from "@cloudscape-design/components/header";
import { AttachPoliciesForm } from "@/components/common/attach-policies-form";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { useAttachRolePolicies } from "@/lib/queries/roles";
import { roleHref } from "./role-href";

/** "Add permissions → Attach policies": AttachRolePolicy for each chosen managed policy. */
export function AttachRolePolicies({ roleName }: { roleName: string }) {
  const back = roleHref(roleName);
  useBreadcrumbs([{ text: "Roles", href: "/roles" }, { text: roleName, href: back }, { text: "Attach policies" }]);
  const attach = useAttachRolePolicies(roleName);

  return (
    <AttachPoliciesForm
      header={<Header variant="h1">Attach policy to {roleName}</Header>}
      back={back}
      attach={attach}
      attachedText={(n) => `${n} polic${n === 1 ? "y" : "ies"} attached to role ${roleName}.`}
      submitText="Add permissions"
      submitTestId="attach-policies"
    />
  );
}
