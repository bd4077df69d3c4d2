"use client";

import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { PolicyPicker } from "@/components/policies/policy-picker";

export type PermissionsDraft = { policyArns: string[]; useBoundary: boolean; boundaryArn?: string };

/** Step 2, "Add permissions": managed policies to attach and, optionally, a permissions boundary. */
export function PermissionsStep({
  value,
  onChange,
  boundaryError,
}: {
  value: PermissionsDraft;
  onChange: (v: PermissionsDraft) => void;
  boundaryError?: string;
}) {
  return (
    <SpaceBetween size="l">
      <PolicyPicker selected={value.policyArns} onChange={(policyArns) => onChange({ ...value, policyArns })} />
      <Container>
        <ExpandableSection headerText="Set permissions boundary - optional" variant="footer" defaultExpanded={value.useBoundary}>
          <SpaceBetween size="m">
            <Checkbox
              checked={value.useBoundary}
              onChange={(e) => onChange({ ...value, useBoundary: e.detail.checked })}
              description="A permissions boundary sets the maximum permissions the role's identity-based policies can grant."
            >
              Use a permissions boundary to control the maximum role permissions
            </Checkbox>
            {value.useBoundary && (
              <>
                <PolicyPicker
                  single
                  title="Permissions boundary"
                  selected={value.boundaryArn ? [value.boundaryArn] : []}
                  onChange={(arns) => onChange({ ...value, boundaryArn: arns[0] })}
                />
                {boundaryError && <span style={{ color: "#d91515" }}>{boundaryError}</span>}
              </>
            )}
          </SpaceBetween>
        </ExpandableSection>
      </Container>
    </SpaceBetween>
  );
}
