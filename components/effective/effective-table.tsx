"use client";

import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useState } from "react";
import {
  useEffectiveServices,
  type EffectiveActionRow,
  type EffectiveLevelSummary,
  type EffectivePrincipal,
  type EffectiveServiceDetail,
  type EffectiveServiceSummary,
} from "@/lib/queries/effective-permissions";
import { EffectiveStatus, GrantedBy } from "./effective-status";

type Row =
  | { kind: "service"; id: string; service: EffectiveServiceSummary }
  | { kind: "level"; id: string; prefix: string; level: EffectiveLevelSummary }
  | { kind: "action"; id: string; action: EffectiveActionRow; detail: EffectiveServiceDetail };

type Props = { principal: EffectivePrincipal; services: EffectiveServiceSummary[]; filter: string; onFilter: (text: string) => void };

const ratio = (c: { allowed: number; total: number }) => `${c.allowed} of ${c.total}`;

/** Services, then their access levels, then the actions: expanding a service's level loads that service's actions. */
export function EffectiveTable({ principal, services, filter, onFilter }: Props) {
  const [expanded, setExpanded] = useState<Row[]>([]);
  const open = [...new Set(expanded.filter((r) => r.kind === "level").map((r) => (r as Extract<Row, { kind: "level" }>).prefix))];
  const details = useEffectiveServices(principal, open);
  const detailOf = (prefix: string) => details[open.indexOf(prefix)];

  const needle = filter.trim().toLowerCase();
  const items: Row[] = services
    .filter((s) => !needle || s.prefix.includes(needle) || s.name.toLowerCase().includes(needle))
    .map((s) => ({ kind: "service", id: s.prefix, service: s }));

  const children = (row: Row): Row[] => {
    if (row.kind === "service")
      return row.service.levels.map((l) => ({ kind: "level", id: `${row.id}|${l.level}`, prefix: row.id, level: l }));
    if (row.kind !== "level") return [];
    const detail = detailOf(row.prefix)?.data;
    const actions = detail?.levels.find((l) => l.level === row.level.level)?.actions ?? [];
    return detail ? actions.map((a) => ({ kind: "action", id: a.action, action: a, detail })) : [];
  };

  const counts = (r: Row) => (r.kind === "service" ? r.service : r.kind === "level" ? r.level : undefined);
  const columns: TableProps.ColumnDefinition<Row>[] = [
    {
      id: "name",
      header: "Service / access level / action",
      width: 320,
      cell: (r) => (r.kind === "service" ? <b>{r.service.name}</b> : r.kind === "level" ? r.level.level : r.action.action),
    },
    {
      id: "access",
      header: "Access",
      width: 180,
      cell: (r) =>
        r.kind === "service" ? r.service.accessSummary : r.kind === "level" ? r.level.access : <EffectiveStatus row={r.action} />,
    },
    {
      id: "allowed",
      header: "Allowed",
      width: 170,
      cell: (r) => {
        const c = counts(r);
        if (!c) return "";
        const kinds = (["full", "partial", "conditional"] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
        return (
          <>
            {ratio(c)}
            {kinds.length > 0 && (
              <Box variant="small" color="text-body-secondary">
                {kinds.join(", ")}
              </Box>
            )}
          </>
        );
      },
    },
    { id: "denied", header: "Denied", width: 90, cell: (r) => counts(r)?.denied ?? "" },
    {
      id: "grants",
      header: "Statements",
      width: 140,
      cell: (r) => (r.kind === "action" ? <GrantedBy row={r.action} statements={r.detail.statements} /> : ""),
    },
  ];

  return (
    <Table<Row>
      data-testid="effective-table"
      items={items}
      trackBy="id"
      variant="container"
      columnDefinitions={columns}
      expandableRows={{
        getItemChildren: children,
        isItemExpandable: (r) =>
          r.kind !== "action" && (r.kind === "level" ? r.level.allowed + r.level.blocked + r.level.denied > 0 : true),
        expandedItems: expanded,
        onExpandableItemToggle: ({ detail }) =>
          setExpanded((list) => (detail.expanded ? [...list, detail.item] : list.filter((r) => r.id !== detail.item.id))),
      }}
      getLoadingStatus={(r) =>
        r?.kind === "level" && detailOf(r.prefix)?.isLoading
          ? "loading"
          : r?.kind === "level" && detailOf(r.prefix)?.error
            ? "error"
            : "finished"
      }
      renderLoaderLoading={() => "Loading actions"}
      renderLoaderError={({ item }) =>
        (item?.kind === "level" ? detailOf(item.prefix)?.error?.message : undefined) ?? "Couldn't load the actions"
      }
      ariaLabels={{
        tableLabel: "Effective permissions by service",
        expandButtonLabel: (r) => `Expand ${r.id}`,
        collapseButtonLabel: (r) => `Collapse ${r.id}`,
      }}
      header={
        <Header
          variant="h2"
          counter={`(${services.length})`}
          description="Expand a service, then an access level, to see each action and the statements behind it."
        >
          Services
        </Header>
      }
      filter={
        <TextFilter
          filteringText={filter}
          onChange={(e) => onFilter(e.detail.filteringText)}
          filteringPlaceholder="Find services"
          filteringAriaLabel="Find services"
        />
      }
      empty={<Box color="text-status-inactive">The policies allow no action.</Box>}
    />
  );
}
