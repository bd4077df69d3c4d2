"use client";

import Checkbox from "@cloudscape-design/components/checkbox";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";

export const BOUNDARY_TEMPLATE = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:*"], Resource: "*" }] },
  null,
  2,
);

type Props = {
  enabled: boolean;
  onEnabled: (on: boolean) => void;
  text: string;
  onText: (text: string) => void;
  current?: string;
  errorText?: string;
};

/** PermissionsBoundaryPolicyInputList: a boundary to simulate; for a user or role it replaces the one it has. */
export function BoundarySection({ enabled, onEnabled, text, onText, current, errorText }: Props) {
  return (
    <ExpandableSection
      variant="container"
      headerText="Permissions boundary - optional"
      defaultExpanded={enabled}
      headerDescription={current ? `The principal's boundary: ${current}` : undefined}
    >
      <SpaceBetween size="m">
        <Checkbox
          checked={enabled}
          onChange={(e) => onEnabled(e.detail.checked)}
          description={
            current
              ? `The document replaces ${current} in this simulation.`
              : "An action is allowed only if the policies and the boundary both allow it."
          }
        >
          Simulate a permissions boundary
        </Checkbox>
        {enabled && (
          <FormField stretch errorText={errorText} label="Boundary policy">
            <div data-testid="boundary-editor">
              <PolicyEditor value={text} onChange={onText} kind="identity" height={220} />
            </div>
          </FormField>
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
