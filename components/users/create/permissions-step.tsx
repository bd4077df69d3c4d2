"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tiles from "@cloudscape-design/components/tiles";
import { PolicyPicker } from "@/components/policies/policy-picker";
import type { PermissionsToCopy } from "@/lib/queries/users-create";
import { BoundarySection } from "./boundary-section";
import { CopyPermissionsPicker } from "./copy-permissions-picker";
import type { PermissionsOption, UserDraft } from "./draft";
import { GroupPicker } from "./group-picker";

type Props = {
  draft: UserDraft;
  update: (patch: Partial<UserDraft>) => void;
  copied?: PermissionsToCopy;
  copyError?: Error | null;
};

const OPTIONS: { value: PermissionsOption; label: string; description: string }[] = [
  {
    value: "groups",
    label: "Add user to group",
    description:
      "Add user to an existing group, or create a new group. We recommend using groups to manage user permissions by job function.",
  },
  {
    value: "copy",
    label: "Copy permissions",
    description: "Copy all group memberships, attached managed policies and the permissions boundary from an existing user.",
  },
  {
    value: "policies",
    label: "Attach policies directly",
    description: "Attach a managed policy directly to a user. As a best practice, we recommend attaching policies to a group instead.",
  },
];

export function PermissionsStep({ draft, update, copied, copyError }: Props) {
  const option = draft.permissionsOption;
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Add user to an existing group or create a new one. Using groups is a best-practice way to manage user's permissions by job functions."
          >
            Permissions options
          </Header>
        }
      >
        <Tiles
          value={option}
          onChange={(e) => update({ permissionsOption: e.detail.value as PermissionsOption })}
          items={OPTIONS}
          columns={3}
        />
      </Container>
      {option === "groups" && <GroupPicker selected={draft.groups} onChange={(groups) => update({ groups })} />}
      {option === "copy" && (
        <CopyPermissionsPicker selected={draft.copyFrom} onChange={(copyFrom) => update({ copyFrom })} copied={copied} error={copyError} />
      )}
      {option === "policies" && <PolicyPicker selected={draft.policyArns} onChange={(policyArns) => update({ policyArns })} />}
      {option !== "copy" && (
        <BoundarySection
          useBoundary={draft.useBoundary}
          boundary={draft.permissionsBoundary}
          onChange={(useBoundary, permissionsBoundary) => update({ useBoundary, permissionsBoundary })}
        />
      )}
    </SpaceBetween>
  );
}
