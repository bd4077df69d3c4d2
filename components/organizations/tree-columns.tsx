"use client";

import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Icon from "@cloudscape-design/components/icon";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { TableProps } from "@cloudscape-design/components/table";
import { ACCOUNT_STATE, JOINED_METHOD, nodeHref } from "./org-labels";
import type { TreeItem } from "./tree-items";

const day = (iso: string) => iso.slice(0, 10).replaceAll("-", "/");

/** The hierarchy view's columns, as AWS's "AWS accounts" page shows each root, OU and account. */
export function treeColumns(managementAccountId: string, open: (href: string) => void): TableProps.ColumnDefinition<TreeItem>[] {
  return [
    {
      id: "name",
      header: "Organizational structure",
      isRowHeader: true,
      cell: (item) => (
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          {item.kind !== "account" && <Icon name="folder" ariaLabel={item.kind === "root" ? "Root" : "Organizational unit"} />}
          <Link href={nodeHref(item.id)} onFollow={(e) => (e.preventDefault(), open(nodeHref(item.id)))}>
            {item.name}
          </Link>
          {item.id === managementAccountId && <Badge color="blue">management account</Badge>}
        </SpaceBetween>
      ),
    },
    { id: "id", header: "ID", cell: (item) => <Box variant="code">{item.id}</Box> },
    { id: "email", header: "Email", cell: (item) => item.account?.email || "-" },
    {
      id: "joined",
      header: "Joined",
      cell: (item) =>
        item.account
          ? `${JOINED_METHOD[item.account.joinedMethod] ?? item.account.joinedMethod} ${day(item.account.joinedTimestamp)}`
          : "-",
    },
    {
      id: "state",
      header: "State",
      cell: (item) => {
        if (!item.account) return "-";
        const s = ACCOUNT_STATE[item.account.state] ?? { text: item.account.state, status: "pending" as const };
        return <StatusIndicator type={s.status}>{s.text}</StatusIndicator>;
      },
    },
  ];
}
