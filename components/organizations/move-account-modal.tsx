"use client";

import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useMoveAccount } from "@/lib/queries/organizations-mutations";
import { useOrganizationTree } from "@/lib/queries/organizations";
import { containers, indexTree } from "./tree-items";

type Account = { id: string; name: string; parentId: string };

/** MoveAccount: the destination is any root or OU of the organization, named by its path. Mount it only while open. */
export function MoveAccountModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const notify = useNotify();
  const tree = useOrganizationTree();
  const move = useMoveAccount();
  const [destination, setDestination] = useState<string>();
  const options = tree.data
    ? containers(indexTree(tree.data)).map(({ item, path }) => ({
        value: item.id,
        label: path,
        labelTag: item.id,
        disabled: item.id === account.parentId,
        description: item.id === account.parentId ? "The account is already here." : undefined,
      }))
    : [];
  const selected = options.find((o) => o.value === destination) ?? null;

  const submit = () =>
    destination &&
    move.mutate(
      { accountId: account.id, sourceParentId: account.parentId, destinationParentId: destination },
      {
        onSuccess: () => {
          notify({ type: "success", content: `AWS account ${account.name} was moved to ${selected?.label}.` });
          onClose();
        },
      },
    );

  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Move AWS account ${account.name}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={submit} disabled={!destination} busy={move.isPending} testId="move-account-submit">
          Move AWS account
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Destination" description="The root or organizational unit to move the account to.">
          <Select
            selectedOption={selected}
            options={options}
            onChange={(e) => setDestination(e.detail.selectedOption.value)}
            placeholder="Choose a root or organizational unit"
            statusType={tree.isLoading ? "loading" : "finished"}
            loadingText="Loading the organization"
            filteringType="auto"
            ariaLabel="Destination"
            data-testid="move-destination"
          />
        </FormField>
        {tree.error && <ApiErrorAlert error={tree.error} />}
        {move.error && <ApiErrorAlert error={move.error} testId="move-account-error" />}
      </SpaceBetween>
    </Modal>
  );
}
