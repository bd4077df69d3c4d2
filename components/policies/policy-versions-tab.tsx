"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { DeleteModal } from "@/components/common/delete-modal";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useNotify } from "@/components/shell/shell-context";
import { dateTime } from "@/lib/format/time";
import { usePolicyVersion, usePolicyVersions, type PolicyDetail, type PolicyVersion } from "@/lib/queries/policies";
import { useDeletePolicyVersion, useSetDefaultPolicyVersion } from "@/lib/queries/policy-mutations";
import { editorHeight } from "./policy-permissions-tab";
import { initialComparison, PolicyVersionCompare, type ComparedVersions } from "./policy-version-compare";

/** Up to 5 versions: view one, compare two, set one as the default, delete a non-default one (customer managed only). */
export function PolicyVersionsTab({ policy }: { policy: PolicyDetail }) {
  const notify = useNotify();
  const versions = usePolicyVersions(policy.arn);
  const setDefault = useSetDefaultPolicyVersion(policy.arn);
  const remove = useDeletePolicyVersion(policy.arn);
  const [selected, setSelected] = useState<PolicyVersion[]>([]);
  const [viewing, setViewing] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string>();
  const [deleteError, setDeleteError] = useState<string>();
  const [comparing, setComparing] = useState<ComparedVersions>();
  const shown = usePolicyVersion(policy.arn, viewing);
  const one = versions.data?.find((v) => v.versionId === selected[0]?.versionId);
  const customer = policy.type === "Customer managed";
  const fail = (err: Error & { code?: string }) => setError(`${err.code ?? "Error"}: ${err.message}`);
  const makeDefault = (versionId: string) =>
    setDefault.mutate(versionId, {
      onSuccess: () => notify({ type: "success", content: `Version ${versionId} is now the default version of ${policy.policyName}.` }),
      onError: fail,
    });

  return (
    <SpaceBetween size="l">
      {error && (
        <Alert type="error" dismissible onDismiss={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      <Table
        items={versions.data ?? []}
        trackBy="versionId"
        loading={versions.isLoading}
        loadingText="Loading policy versions"
        selectionType={customer ? "single" : undefined}
        ariaLabels={{ itemSelectionLabel: (_, v) => v.versionId, selectionGroupLabel: "Policy versions" }}
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        header={
          <Header
            counter={`(${versions.data?.length ?? 0})`}
            description="A customer managed policy keeps up to 5 versions. The default version defines the policy's permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={(versions.data?.length ?? 0) < 2}
                  onClick={() => setComparing(initialComparison(versions.data!, one?.versionId))}
                  data-testid="compare-versions"
                >
                  Compare versions
                </Button>
                {customer && (
                  <Button
                    disabled={!one || one.isDefaultVersion}
                    loading={setDefault.isPending}
                    data-testid="set-default-version"
                    onClick={() => one && makeDefault(one.versionId)}
                  >
                    Set as default
                  </Button>
                )}
                {customer && (
                  <Button disabled={!one || one.isDefaultVersion} onClick={() => setConfirmDelete(true)} data-testid="delete-version">
                    Delete
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Policy versions
          </Header>
        }
        columnDefinitions={[
          {
            id: "version",
            header: "Version",
            cell: (v) => (
              <Link onFollow={(e) => (e.preventDefault(), setViewing(v.versionId))} href="#">
                {v.versionId}
                {v.isDefaultVersion ? " (Default)" : ""}
              </Link>
            ),
          },
          { id: "created", header: "Creation time", cell: (v) => dateTime(v.createDate) },
          {
            id: "default",
            header: "Default",
            cell: (v) => (v.isDefaultVersion ? <StatusIndicator>Default version</StatusIndicator> : "-"),
          },
        ]}
        empty={versions.error ? versions.error.message : "No versions."}
      />
      {comparing && versions.data && (
        <PolicyVersionCompare
          arn={policy.arn}
          versions={versions.data}
          compared={comparing}
          onChange={setComparing}
          onClose={() => setComparing(undefined)}
          onRestore={customer ? makeDefault : undefined}
          restoring={setDefault.isPending}
        />
      )}
      {viewing && (
        <Container
          header={
            <Header variant="h2" actions={<Button onClick={() => setViewing(undefined)}>Close</Button>}>
              Version {viewing}
            </Header>
          }
        >
          {shown.data?.document !== undefined ? (
            <PolicyEditor value={shown.data.document} readOnly height={editorHeight(shown.data.document)} />
          ) : (
            <StatusIndicator type={shown.error ? "error" : "loading"}>{shown.error ? shown.error.message : "Loading"}</StatusIndicator>
          )}
        </Container>
      )}
      <DeleteModal
        visible={confirmDelete && !!one}
        title={`Delete version ${one?.versionId ?? ""}?`}
        confirmText={one?.versionId ?? ""}
        busy={remove.isPending}
        error={deleteError}
        onCancel={() => (setConfirmDelete(false), setDeleteError(undefined))}
        onConfirm={() =>
          one &&
          remove.mutate(one.versionId, {
            onSuccess: () => {
              setConfirmDelete(false);
              setSelected([]);
              if (viewing === one.versionId) setViewing(undefined);
              notify({ type: "success", content: `Version ${one.versionId} of ${policy.policyName} deleted.` });
            },
            onError: (err) => setDeleteError(`${(err as { code?: string }).code ?? "Error"}: ${err.message}`),
          })
        }
      >
        Deleting a policy version can&apos;t be undone.
      </DeleteModal>
    </SpaceBetween>
  );
}
