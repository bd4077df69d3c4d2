"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { addCondition, removeCondition } from "@/lib/policy/visual";
import type { VisualCondition, VisualStatement } from "@/lib/policy/visual";
import { VisualConditionModal } from "./visual-condition-modal";

type Props = { statement: VisualStatement; onChange: (next: VisualStatement) => void };

/** The statement's request conditions, one row per operator and key, and "Add condition". */
export function VisualConditions({ statement, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const rows = statement.conditions.map((c, index) => ({ ...c, index }));
  return (
    <SpaceBetween size="xs">
      <Header variant="h3" description="Optional: the statement applies only when the request meets every condition.">
        Request conditions
      </Header>
      {rows.length > 0 && (
        <Table<VisualCondition & { index: number }>
          variant="embedded"
          items={rows}
          columnDefinitions={[
            { id: "key", header: "Condition key", cell: (c) => c.key },
            { id: "operator", header: "Operator", cell: (c) => c.operator },
            { id: "values", header: "Values", cell: (c) => c.values.map(String).join(", ") },
            {
              id: "remove",
              header: "",
              cell: (c) => (
                <Button
                  variant="inline-icon"
                  iconName="close"
                  ariaLabel={`Remove condition ${c.key}`}
                  onClick={() => onChange(removeCondition(statement, c.index))}
                />
              ),
            },
          ]}
        />
      )}
      <Box>
        <Button onClick={() => setAdding(true)}>Add condition</Button>
      </Box>
      {adding && (
        <VisualConditionModal
          actions={statement.actions}
          onAdd={(c) => (onChange(addCondition(statement, c)), setAdding(false))}
          onDismiss={() => setAdding(false)}
        />
      )}
    </SpaceBetween>
  );
}
