"use client";

import Form from "@cloudscape-design/components/form";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useNotify } from "@/components/shell/shell-context";
import { ApiErrorAlert } from "./api-error-alert";
import { FormActions } from "./form-actions";
import type { FormMutation } from "./form-mutation";

/** "Attach policies": pick managed policies, attach them all (IAM's errors shown as they are), then go `back`. */
export function AttachPoliciesForm(props: {
  header: ReactNode;
  back: string;
  attach: FormMutation<string[]>;
  attachedText: (count: number) => string;
  submitText: string;
  submitTestId: string;
}) {
  const { attach, back } = props;
  const router = useRouter();
  const notify = useNotify();
  const [selected, setSelected] = useState<string[]>([]);

  const submit = () =>
    attach.mutate(selected, {
      onSuccess: () => {
        notify({ type: "success", content: props.attachedText(selected.length) });
        router.push(back);
      },
    });

  return (
    <Form
      header={props.header}
      actions={
        <FormActions
          onCancel={() => router.push(back)}
          onConfirm={submit}
          disabled={!selected.length}
          busy={attach.isPending}
          testId={props.submitTestId}
        >
          {props.submitText}
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        {attach.error && <ApiErrorAlert error={attach.error} />}
        <PolicyPicker title="Other permissions policies" selected={selected} onChange={(arns) => (setSelected(arns), attach.reset())} />
      </SpaceBetween>
    </Form>
  );
}
