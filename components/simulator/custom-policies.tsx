"use client";

import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";

export const EMPTY_POLICY = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
  null,
  2,
);

type Props = { policies: string[]; onChange: (policies: string[]) => void; errorOf: (index: number) => string | undefined };

/** SimulateCustomPolicy's PolicyInputList: one editor per identity-based policy, named as AWS names them in results. */
export function CustomPolicies({ policies, onChange, errorOf }: Props) {
  return (
    <SpaceBetween size="l">
      {policies.map((text, i) => (
        <div key={i} data-testid={`custom-policy-${i + 1}`}>
          <FormField
            stretch
            label={
              <Header
                variant="h3"
                actions={policies.length > 1 && <Button onClick={() => onChange(policies.filter((_, j) => j !== i))}>Remove</Button>}
              >
                Policy {i + 1}
              </Header>
            }
            description={`Results name it PolicyInputList.${i + 1}.`}
            errorText={errorOf(i)}
          >
            <PolicyEditor value={text} onChange={(v) => onChange(policies.map((p, j) => (j === i ? v : p)))} kind="identity" height={260} />
          </FormField>
        </div>
      ))}
      <Button iconName="add-plus" onClick={() => onChange([...policies, EMPTY_POLICY])} disabled={policies.length >= 20}>
        Add policy
      </Button>
    </SpaceBetween>
  );
}
