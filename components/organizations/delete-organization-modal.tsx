"use client";

import Box from "@cloudscape-design/components/box";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteOrganization } from "@/lib/queries/organizations-mutations";
import { TypedConfirmModal } from "./typed-confirm-modal";

/** DeleteOrganization, confirmed by typing its ID; with member accounts left AWS answers OrganizationNotEmpty, shown here. */
export function DeleteOrganizationModal({ organizationId, onClose }: { organizationId: string; onClose: () => void }) {
  const notify = useNotify();
  const remove = useDeleteOrganization();
  // The deleted organization's pages give way to "Create an organization", unmounting this modal: the promise still
  // settles, where a mutate() callback would be dropped.
  const confirm = () =>
    remove.mutateAsync().then(
      () => {
        onClose();
        notify({ type: "success", content: `Organization ${organizationId} was deleted. Your account is a standalone account again.` });
      },
      () => {},
    );
  return (
    <TypedConfirmModal
      title="Delete organization?"
      action="Delete organization"
      confirmText={organizationId}
      busy={remove.isPending}
      error={remove.error}
      testId="delete-organization-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        The organization {organizationId}, its root, OUs and policies are deleted. Remove every member account first: only the management
        account may be left.
      </Box>
    </TypedConfirmModal>
  );
}
