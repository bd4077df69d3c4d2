"use client";

import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import TextFilter from "@cloudscape-design/components/text-filter";
import TokenGroup from "@cloudscape-design/components/token-group";
import { useMemo, useState } from "react";
import { ACCESS_LEVELS, actionsOf, expandActions, lookupService } from "@/lib/policy/catalogue";
import type { ActionInfo } from "@/lib/policy/catalogue";
import { toggleAction } from "@/lib/policy/visual";
import type { VisualStatement } from "@/lib/policy/visual";

type Props = { prefix: string; statement: VisualStatement; onChange: (next: VisualStatement) => void };

const GRID = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "4px 16px" } as const;

/** The service's actions grouped by access level, as AWS's visual editor lists them, with "All <service> actions". */
export function VisualActions({ prefix, statement, onChange }: Props) {
  const [filter, setFilter] = useState("");
  const actions = useMemo(() => actionsOf(prefix), [prefix]);
  const name = lookupService(prefix)?.name ?? prefix;
  const chosen = new Set(statement.actions.map((a) => a.toLowerCase()));
  const all = chosen.has(`${prefix}:*`);
  const exact = new Set(actions.map((a) => a.action.toLowerCase()));
  const patterns = statement.actions.filter((a) => !exact.has(a.toLowerCase()) && a.toLowerCase() !== `${prefix}:*`);
  const shown = actions.filter((a) => a.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const set = (list: readonly ActionInfo[], on: boolean) => onChange(list.reduce((s, a) => toggleAction(s, a.action, on), statement));

  return (
    <SpaceBetween size="s">
      <Header
        variant="h3"
        description={
          statement.notAction ? "The statement applies to every action except those chosen (NotAction)." : `Specify the ${name} actions.`
        }
      >
        Actions
      </Header>
      <Checkbox checked={all} onChange={(e) => onChange({ ...statement, actions: e.detail.checked ? [`${prefix}:*`] : [] })}>
        All {name} actions ({prefix}:*)
      </Checkbox>
      <Checkbox checked={statement.notAction} onChange={(e) => onChange({ ...statement, notAction: e.detail.checked })}>
        All actions except those chosen (NotAction)
      </Checkbox>
      {patterns.length > 0 && (
        <TokenGroup
          items={patterns.map((p) => ({ label: p, description: `${expandActions(p).length} actions`, dismissLabel: `Remove ${p}` }))}
          onDismiss={(e) => onChange({ ...statement, actions: statement.actions.filter((a) => a !== patterns[e.detail.itemIndex]) })}
        />
      )}
      {!all && (
        <>
          <TextFilter
            filteringText={filter}
            onChange={(e) => setFilter(e.detail.filteringText)}
            filteringPlaceholder="Filter actions"
            filteringAriaLabel="Filter actions"
          />
          {ACCESS_LEVELS.map((level) => {
            const inLevel = shown.filter((a) => a.accessLevel === level);
            if (!inLevel.length) return null;
            const picked = inLevel.filter((a) => chosen.has(a.action.toLowerCase())).length;
            return (
              <ExpandableSection
                key={`${level}${filter.trim() ? ":filtered" : ""}`}
                headerText={`${level} (${picked}/${inLevel.length})`}
                defaultExpanded={picked > 0 || !!filter.trim()}
              >
                <SpaceBetween size="xs">
                  <Checkbox
                    checked={picked === inLevel.length}
                    indeterminate={picked > 0 && picked < inLevel.length}
                    onChange={(e) => set(inLevel, e.detail.checked)}
                  >
                    All {level} actions
                  </Checkbox>
                  <div style={GRID}>
                    {inLevel.map((a) => (
                      <Checkbox
                        key={a.name}
                        checked={chosen.has(a.action.toLowerCase())}
                        onChange={(e) => onChange(toggleAction(statement, a.action, e.detail.checked))}
                      >
                        {a.name}
                      </Checkbox>
                    ))}
                  </div>
                </SpaceBetween>
              </ExpandableSection>
            );
          })}
          {!shown.length && <Box color="text-status-inactive">No actions match.</Box>}
        </>
      )}
    </SpaceBetween>
  );
}
