"use client";

import Select, { type SelectProps } from "@cloudscape-design/components/select";
import { useQuery } from "@tanstack/react-query";
import { fetchGroups, groupKeys } from "@/lib/queries/groups";
import { fetchRoles, roleKeys } from "@/lib/queries/roles";
import { fetchUsers, userKeys } from "@/lib/queries/users";

export type PrincipalKind = "user" | "group" | "role";
export type ChosenPrincipal = { kind: PrincipalKind; name: string; arn: string };

const NOUN: Record<PrincipalKind, string> = { user: "user", group: "user group", role: "role" };

type Listed = { arn: string; path: string; userName?: string; groupName?: string; roleName?: string };
const LISTS: Record<PrincipalKind, { queryKey: readonly unknown[]; queryFn: () => Promise<Listed[]> }> = {
  user: { queryKey: userKeys.lists(), queryFn: fetchUsers },
  group: { queryKey: groupKeys.lists(), queryFn: fetchGroups },
  role: { queryKey: roleKeys.lists(), queryFn: fetchRoles },
};

/** Picks a user, group or role by name from the account's whole list (the lists' own cache), filtered as typed. */
export function PrincipalSelect(props: {
  kind: PrincipalKind;
  value?: ChosenPrincipal;
  onChange: (p: ChosenPrincipal) => void;
  invalid?: boolean;
}) {
  const list = useQuery(LISTS[props.kind]);
  const items = list.data ?? [];
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
      filteringType="auto"
      virtualScroll
      filteringPlaceholder={`Find a ${NOUN[props.kind]} by name`}
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
