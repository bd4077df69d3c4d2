"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import TokenGroup from "@cloudscape-design/components/token-group";
import { useState } from "react";
import { lookupAction } from "@/lib/policy/catalogue";
import type { ActionResourceType } from "@/lib/policy/catalogue";
import type { VisualStatement } from "@/lib/policy/visual";
import { anyArn, resourceTypeOf } from "@/lib/policy/visual/arn-template";
import { VisualArnModal } from "./visual-arn-modal";

type Props = { statement: VisualStatement; onChange: (next: VisualStatement) => void };

/** The resource types the block's chosen actions act on (by name, first seen first). */
function resourceTypes(s: VisualStatement): ActionResourceType[] {
  const byName = new Map<string, ActionResourceType>();
  for (const a of s.actions) for (const t of lookupAction(a)?.resourceTypes ?? []) if (!byName.has(t.name)) byName.set(t.name, t);
  return [...byName.values()];
}

/** "All resources" or specific ARNs, grouped by the chosen actions' resource types, each with an ARN builder. */
export function VisualResources({ statement, onChange }: Props) {
  const [building, setBuilding] = useState<ActionResourceType>();
  const [typed, setTyped] = useState("");
  const any = statement.resources.length === 1 && statement.resources[0] === "*";
  const types = resourceTypes(statement);
  const setResources = (resources: string[]) => onChange({ ...statement, resources });
  const add = (arns: string[]) => setResources([...statement.resources, ...arns.filter((a) => !statement.resources.includes(a))]);
  const remove = (arn: string) => setResources(statement.resources.filter((r) => r !== arn));
  const grouped = new Map<string, string[]>();
  const other: string[] = [];
  for (const arn of any ? [] : statement.resources) {
    const t = resourceTypeOf(arn, types);
    if (t) grouped.set(t.name, [...(grouped.get(t.name) ?? []), arn]);
    else other.push(arn);
  }
  const tokens = (arns: string[]) => (
    <TokenGroup items={arns.map((a) => ({ label: a, dismissLabel: `Remove ${a}` }))} onDismiss={(e) => remove(arns[e.detail.itemIndex])} />
  );

  return (
    <SpaceBetween size="s">
      <Header
        variant="h3"
        description={statement.notResource ? "The statement applies to every resource except these (NotResource)." : undefined}
      >
        Resources
      </Header>
      <RadioGroup
        ariaLabel="Resources"
        value={any ? "all" : "specific"}
        onChange={(e) => setResources(e.detail.value === "all" ? ["*"] : [])}
        items={[
          { value: "specific", label: "Specific", description: "Limit access to the resources you name." },
          { value: "all", label: "All", description: "Every resource (*)." },
        ]}
      />
      {!any &&
        types.map((t) => {
          const anyOfType = anyArn(t.arnPattern);
          const arns = (grouped.get(t.name) ?? []).filter((a) => a !== anyOfType);
          return (
            <div key={t.name} data-testid={`resource-type-${t.name}`}>
              <SpaceBetween size="xs">
                <div>
                  <Box variant="strong" display="block">
                    {t.name}
                  </Box>
                  <Box variant="small" display="block" color="text-body-secondary">
                    {t.arnPattern}
                  </Box>
                </div>
                <SpaceBetween size="m" direction="horizontal" alignItems="center">
                  <Button iconName="add-plus" onClick={() => setBuilding(t)} ariaLabel={`Add ARNs for ${t.name}`}>
                    Add ARNs
                  </Button>
                  <Checkbox
                    checked={statement.resources.includes(anyOfType)}
                    onChange={(e) => (e.detail.checked ? add([anyOfType]) : remove(anyOfType))}
                    ariaLabel={`Any ${t.name}`}
                  >
                    Any {t.name} ({anyOfType})
                  </Checkbox>
                </SpaceBetween>
                {arns.length > 0 && tokens(arns)}
              </SpaceBetween>
            </div>
          );
        })}
      {!any && other.length > 0 && (
        <SpaceBetween size="xs">
          <Box variant="strong">Other ARNs</Box>
          {tokens(other)}
        </SpaceBetween>
      )}
      {!any && (
        <SpaceBetween size="xs" direction="horizontal">
          <div style={{ minWidth: 420 }}>
            <Input value={typed} onChange={(e) => setTyped(e.detail.value)} placeholder="arn:aws:..." ariaLabel="Resource ARN" />
          </div>
          <Button disabled={!typed.trim()} onClick={() => (add([typed.trim()]), setTyped(""))}>
            Add ARN
          </Button>
        </SpaceBetween>
      )}
      <Checkbox checked={statement.notResource} onChange={(e) => onChange({ ...statement, notResource: e.detail.checked })}>
        All resources except those listed (NotResource)
      </Checkbox>
      {building && (
        <VisualArnModal type={building} onAdd={(arn) => (add([arn]), setBuilding(undefined))} onDismiss={() => setBuilding(undefined)} />
      )}
    </SpaceBetween>
  );
}
