"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { PolicyDiffEditor } from "@/components/policy-editor/policy-diff-editor";
import { dateTime } from "@/lib/format/time";
import { usePolicyVersion, type PolicyVersion } from "@/lib/queries/policies";

export type ComparedVersions = { original: string; modified: string };

const label = (v: PolicyVersion | undefined) => (v ? `${v.versionId}${v.isDefaultVersion ? " (Default)" : ""}` : "");

/** Two versions to start from: the one chosen in the table (or the newest non-default one) against the default. */
export function initialComparison(versions: PolicyVersion[], chosen?: string): ComparedVersions {
  const byNewest = [...versions].sort((a, b) => b.createDate.localeCompare(a.createDate));
  const defaultId = byNewest.find((v) => v.isDefaultVersion)?.versionId ?? byNewest[0].versionId;
  const original = chosen && chosen !== defaultId ? chosen : (byNewest.find((v) => v.versionId !== defaultId)?.versionId ?? defaultId);
  return { original, modified: defaultId };
}

type Props = {
  arn: string;
  versions: PolicyVersion[];
  compared: ComparedVersions;
  onChange: (compared: ComparedVersions) => void;
  onClose: () => void;
  /** Makes a version the default (SetDefaultPolicyVersion); absent for AWS managed policies. */
  onRestore?: (versionId: string) => void;
  restoring?: boolean;
};

function VersionSide({ version, testId }: { version: PolicyVersion | undefined; testId: string }) {
  return (
    <div data-testid={testId}>
      <Box variant="h3" padding="n">
        {label(version)}
      </Box>
      <Box variant="small">{version ? `Created ${dateTime(version.createDate)}` : "Deleted"}</Box>
    </div>
  );
}

/** Any two versions side by side in Monaco's diff editor, each pretty-printed alike; restore makes the left one the default. */
export function PolicyVersionCompare({ arn, versions, compared, onChange, onClose, onRestore, restoring }: Props) {
  const original = versions.find((v) => v.versionId === compared.original);
  const modified = versions.find((v) => v.versionId === compared.modified);
  const left = usePolicyVersion(arn, compared.original);
  const right = usePolicyVersion(arn, compared.modified);
  const options = versions.map((v) => ({ value: v.versionId, label: label(v), description: dateTime(v.createDate) }));
  const select = (side: keyof ComparedVersions, name: string) => (
    <FormField label={name}>
      <Select
        selectedOption={options.find((o) => o.value === compared[side]) ?? null}
        options={options}
        onChange={(e) => onChange({ ...compared, [side]: e.detail.selectedOption.value! })}
        ariaLabel={`${name} version`}
        data-testid={`compare-${side}`}
      />
    </FormField>
  );
  const loading = left.data?.document === undefined || right.data?.document === undefined;
  const error = left.error ?? right.error;

  return (
    <Container
      data-testid="policy-version-compare"
      header={
        <Header
          variant="h2"
          description="The two documents are formatted alike, so only changes to the policy show."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {onRestore && (
                <Button
                  disabled={!original || original.isDefaultVersion}
                  loading={restoring}
                  onClick={() => onRestore(compared.original)}
                  data-testid="restore-version"
                >
                  Restore {compared.original}
                </Button>
              )}
              <Button onClick={onClose}>Close</Button>
            </SpaceBetween>
          }
        >
          Compare versions
        </Header>
      }
    >
      <SpaceBetween size="m">
        <ColumnLayout columns={2}>
          {select("original", "Original")}
          {select("modified", "Modified")}
        </ColumnLayout>
        <ColumnLayout columns={2}>
          <VersionSide version={original} testId="compare-original-header" />
          <VersionSide version={modified} testId="compare-modified-header" />
        </ColumnLayout>
        {loading ? (
          <StatusIndicator type={error ? "error" : "loading"}>{error ? error.message : "Loading"}</StatusIndicator>
        ) : (
          <PolicyDiffEditor
            original={left.data!.document!}
            modified={right.data!.document!}
            originalLabel={`Version ${compared.original}`}
            modifiedLabel={`Version ${compared.modified}`}
          />
        )}
      </SpaceBetween>
    </Container>
  );
}
