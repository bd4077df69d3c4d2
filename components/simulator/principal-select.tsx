"use client";

import Select, { type SelectProps } from "@cloudscape-design/components/select";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useDebounced } from "@/components/common/use-debounced";
import { GROUPS_URL, groupKeys } from "@/lib/queries/groups";
import { fetchListPage, type ListParams } from "@/lib/queries/list-page";
import { ROLES_URL, roleKeys } from "@/lib/queries/roles";
import { USERS_URL, userKeys } from "@/lib/queries/users";

export type PrincipalKind = "user" | "group" | "role";
export type ChosenPrincipal = { kind: PrincipalKind; name: string; arn: string };

const NOUN: Record<PrincipalKind, string> = { user: "user", group: "user group", role: "role" };

type Listed = { arn: string; path: string; userName?: string; groupName?: string; roleName?: string };
const LISTS: Record<PrincipalKind, { queryKey: readonly unknown[]; url: string; sort: string }> = {
  user: { queryKey: userKeys.lists(), url: USERS_URL, sort: "userName" },
  group: { queryKey: groupKeys.lists(), url: GROUPS_URL, sort: "groupName" },
  role: { queryKey: roleKeys.lists(), url: ROLES_URL, sort: "roleName" },
};
const SHOWN = 100;

/** Picks a user, group or role by name: the first 100 matches of what is typed, searched on the server. */
export function PrincipalSelect(props: {
  kind: PrincipalKind;
  value?: ChosenPrincipal;
  onChange: (p: ChosenPrincipal) => void;
  invalid?: boolean;
}) {
  const [text, setText] = useState("");
  const filter = useDebounced(text).trim();
  const { queryKey, url, sort } = LISTS[props.kind];
  const params: ListParams = { page: 1, pageSize: SHOWN, filter, sort, desc: false };
  // Opened, it reads the list from IAM; what is typed then searches the server's snapshot.
  const fresh = useRef(true);
  const list = useQuery({
    queryKey: [...queryKey, params],
    queryFn: () => {
      const skip = fresh.current;
      fresh.current = false;
      return fetchListPage<Listed>(url, params, skip);
    },
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const more = (list.data?.matches ?? 0) - items.length;
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
      onLoadItems={(e) => setText(e.detail.filteringText)}
      virtualScroll
      finishedText={more > 0 ? `${more.toLocaleString("en-US")} more: type to narrow the list.` : undefined}
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
