"use client";

import Header from "@cloudscape-design/components/header";
import { AttachPoliciesForm } from "@/components/common/attach-policies-form";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { useAttachGroupPolicies, useGroupPermissions } from "@/lib/queries/groups";
import { groupHref } from "./group-href";

/** "Attach policies" to a group: pick managed policies; all are attached, or none (IAM's quota error shown as is). */
export function AttachGroupPolicies({ groupName }: { groupName: string }) {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }, { text: groupName, href: groupHref(groupName) }, { text: "Attach policies" }]);
  const attach = useAttachGroupPolicies(groupName);
  const current = useGroupPermissions(groupName);
  const attachedCount = current.data?.attachedPolicies.length ?? 0;

  return (
    <AttachPoliciesForm
      header={
        <Header
          variant="h1"
          description={`Attach managed policies to ${groupName}. The group currently has ${attachedCount} attached managed ${attachedCount === 1 ? "policy" : "policies"} (the default quota is 10).`}
        >
          Attach permission policies to {groupName}
        </Header>
      }
      back={groupHref(groupName, "?section=permissions")}
      attach={attach}
      attachedText={(n) => `Attached ${n} polic${n === 1 ? "y" : "ies"} to ${groupName}.`}
      submitText="Attach policies"
      submitTestId="attach-policies-submit"
    />
  );
}
