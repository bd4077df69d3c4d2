"use client";

import Button from "@cloudscape-design/components/button";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useShell } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useCreateAccountStatus } from "@/lib/queries/organizations";
import { invalidateOrganizations } from "@/lib/queries/organizations-mutations";
import { failureText, nodeHref } from "./org-labels";

/** One CreateAccount request, polled with DescribeCreateAccountStatus, told in the flash bar as it goes. */
export function CreateAccountWatch({ requestId }: { requestId: string }) {
  const { notify, dismiss } = useShell();
  const client = useQueryClient();
  const router = useRouter();
  const status = useCreateAccountStatus(requestId);
  const { state, accountName, accountId, failureReason } = status.data ?? {};
  const error = status.error;

  useEffect(() => {
    const id = `create-account-${requestId}`;
    const name = accountName ?? requestId;
    if (error) {
      notify({
        id,
        type: "error",
        header: `Couldn't get the status of account creation ${requestId}`,
        content: error instanceof ApiError ? `${error.code}: ${error.message}` : error.message,
      });
      return;
    }
    if (!state) return;
    if (state === "IN_PROGRESS") {
      notify({
        id,
        type: "in-progress",
        loading: true,
        ariaRole: "status",
        header: `Creating AWS account ${name}`,
        content: "AWS Organizations is creating the account. It appears in your organization when creation succeeds.",
      });
      // Leaving the Organizations area stops the polling, so its progress item must not stay behind spinning.
      return () => dismiss(id);
    }
    if (state === "SUCCEEDED") {
      void invalidateOrganizations(client);
      notify({
        id,
        type: "success",
        ariaRole: "status",
        content: `AWS account ${name} (${accountId}) was created and added to your organization.`,
        action: <Button onClick={() => router.push(nodeHref(accountId!))}>View account</Button>,
      });
    } else {
      notify({ id, type: "error", header: `Couldn't create AWS account ${name}`, content: failureText(failureReason) });
    }
  }, [state, accountName, accountId, failureReason, error, requestId, notify, dismiss, client, router]);

  return null;
}
