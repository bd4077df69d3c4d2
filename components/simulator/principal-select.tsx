"use client";

import Select, { type SelectProps } from "@cloudscape-design/components/select";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebounced } from "@/components/common/use-debounced";
import { fetchGroups, groupKeys } from "@/lib/queries/groups";
import { fetchRoles, roleKeys } from "@/lib/queries/roles";
import { fetchUsers, userKeys } from "@/lib/queries/users";

export type PrincipalKind = "user" | "group" | "role";
export type ChosenPrincipal = { kind: PrincipalKind; name: string; arn: string };

const NOUN: Record<PrincipalKind, string> = { user: "user", group: "user group", role: "role" };

type Listed = { arn: string; path: string; userName?: string; groupName?: string; roleName?: string };
type Query = { filter?: string; pageSize: number };
const LISTS: Record<PrincipalKind, { key: (q: Query) => readonly unknown[]; fetch: (q: Query) => Promise<{ items: Listed[] }> }> = {
  user: { key: userKeys.list, fetch: fetchUsers },
  group: { key: groupKeys.list, fetch: fetchGroups },
  role: { key: roleKeys.list, fetch: fetchRoles },
};

/** Picks a user, group or role by name; IAM lists have no name filter, so the list routes search page by page. */
export function PrincipalSelect(props: {
  kind: PrincipalKind;
  value?: ChosenPrincipal;
  onChange: (p: ChosenPrincipal) => void;
  invalid?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const q = { filter: useDebounced(filter, 250) || undefined, pageSize: 50 };
  const source = LISTS[props.kind];
  const list = useQuery({
    queryKey: source.key(q),
    queryFn: () => source.fetch(q),
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[0] === source.key(q)[0] ? prev : undefined),
  });
  const items = list.data?.items ?? [];
  const options: SelectProps.Option[] = items.map((i) => ({
    value: i.arn,
    label: i.userName ?? i.groupName ?? i.roleName,
    description: i.path !== "/" ? i.path : undefined,
  }));
  const selected = props.value && props.value.kind === props.kind ? { value: props.value.arn, label: props.value.name } : null;
  return (
    <Select
      data-testid="principal-select"
      selectedOption={selected}
      options={options}
      filteringType="manual"
      filteringPlaceholder={`Find a ${NOUN[props.kind]} by name`}
      onLoadItems={(e) => setFilter(e.detail.filteringText)}
      statusType={list.isFetching ? "loading" : list.error ? "error" : "finished"}
      loadingText="Loading"
      errorText={list.error?.message}
      empty={`No ${NOUN[props.kind]}s`}
      placeholder={`Choose a ${NOUN[props.kind]}`}
      invalid={props.invalid}
      ariaLabel={`Choose a ${NOUN[props.kind]}`}
      onChange={(e) => props.onChange({ kind: props.kind, name: e.detail.selectedOption.label!, arn: e.detail.selectedOption.value! })}
    />
  );
}
