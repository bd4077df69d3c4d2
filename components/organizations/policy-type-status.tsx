"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useRoots } from "@/lib/queries/organizations";
import { useDisablePolicyType, useEnablePolicyType } from "@/lib/queries/organizations-mutations";
import type { PolicyTypeInfo } from "./org-labels";

/**
 * Whether the type is enabled on the root, with EnablePolicyType and DisablePolicyType (which detaches every policy of
 * the type, keeping the policies).
 */
export function PolicyTypeStatus({ info }: { info: PolicyTypeInfo }) {
  const notify = useNotify();
  const roots = useRoots();
  const root = roots.data?.[0];
  const enable = useEnablePolicyType(root?.id ?? "");
  const disable = useDisablePolicyType(root?.id ?? "");
  const [confirming, setConfirming] = useState(false);
  if (!root) return roots.error ? <ApiErrorAlert error={roots.error} /> : null;
  const enabled = root.policyTypes.some((t) => t.type === info.type && t.status === "ENABLED");
  const name = info.name.toLowerCase();

  const doEnable = () =>
    enable.mutate(info.type, { onSuccess: () => notify({ type: "success", content: `${info.name} are enabled on the root.` }) });
  const doDisable = () =>
    disable.mutate(info.type, {
      onSuccess: () => {
        setConfirming(false);
        notify({
          type: "success",
          content: `${info.name} are disabled. Every ${info.singular} was detached from the root, OUs and accounts.`,
        });
      },
    });

  return (
    <>
      {enabled ? (
        <Alert
          type="success"
          header={`${info.name} are enabled`}
          action={
            <Button onClick={() => (disable.reset(), setConfirming(true))} data-testid="disable-policy-type">
              Disable {name}
            </Button>
          }
        >
          They apply to the root, OUs and accounts they are attached to, and to everything under them.
        </Alert>
      ) : (
        <Alert
          type="info"
          header={`${info.name} are disabled`}
          action={
            <Button variant="primary" onClick={doEnable} loading={enable.isPending} data-testid="enable-policy-type">
              Enable {name}
            </Button>
          }
        >
          You can create {name} now, and attach them once the type is enabled on the root.
        </Alert>
      )}
      {enable.error && <ApiErrorAlert error={enable.error} testId="enable-policy-type-error" />}
      {confirming && (
        <ConfirmModal
          visible
          title={`Disable ${name}?`}
          action={`Disable ${name}`}
          busy={disable.isPending}
          error={disable.error}
          testId="disable-policy-type-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={doDisable}
        >
          <Box>
            Every {info.singular} is detached from the root, every OU and every account. The policies themselves are kept; if you enable the
            type again, only the AWS managed default is attached.
          </Box>
        </ConfirmModal>
      )}
    </>
  );
}
