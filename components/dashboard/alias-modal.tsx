"use client";

import Box from "@cloudscape-design/components/box";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState, type FormEvent } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useCreateAccountAlias } from "@/lib/queries/account";
import { accountAliasSchema } from "@/lib/schemas/account";
import { signInUrl } from "./sign-in-url";

/** Create or edit the account alias (both are CreateAccountAlias: an account has one alias, a new one replaces it). */
export function AliasModal(props: {
  mode: "create" | "edit";
  accountLabel: string;
  current?: string;
  consoleOrigin: string;
  onClose: () => void;
}) {
  const [alias, setAlias] = useState(props.current ?? "");
  const [touched, setTouched] = useState(false);
  const create = useCreateAccountAlias();
  const notify = useNotify();
  const check = accountAliasSchema.safeParse(alias);
  const invalid = check.success ? undefined : check.error.issues[0].message;
  const errorText = (touched ? invalid : undefined) ?? create.error?.message;

  function submit(e?: FormEvent) {
    e?.preventDefault();
    setTouched(true);
    if (invalid) return;
    create.mutate(
      { accountAlias: alias },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Account alias ${alias} ${props.mode === "create" ? "created" : "saved"}.` });
          props.onClose();
        },
      },
    );
  }

  return (
    <Modal
      visible
      onDismiss={props.onClose}
      header={props.mode === "create" ? "Create alias for AWS account" : "Edit account alias"}
      footer={
        <ModalFooter onCancel={props.onClose} onConfirm={() => submit()} busy={create.isPending} testId="alias-save">
          {props.mode === "create" ? "Create alias" : "Save changes"}
        </ModalFooter>
      }
    >
      <form onSubmit={submit} noValidate>
        <SpaceBetween size="m">
          <Box>
            An account alias replaces the account ID ({props.accountLabel}) in the sign-in URL for IAM users. It must be unique across all
            AWS accounts.
          </Box>
          <FormField
            label="Preferred alias"
            constraintText="3-63 characters: lowercase letters, numbers and hyphens (-), not starting or ending with a hyphen."
            errorText={errorText}
          >
            <Input
              value={alias}
              autoFocus
              onChange={(e) => {
                setAlias(e.detail.value);
                setTouched(true);
                create.reset();
              }}
              data-testid="alias-input"
            />
          </FormField>
          <FormField label="New sign-in URL">
            <Box variant="code" data-testid="alias-preview">
              {signInUrl(props.consoleOrigin, alias && !invalid ? alias : "<alias>")}
            </Box>
          </FormField>
        </SpaceBetween>
      </form>
    </Modal>
  );
}
