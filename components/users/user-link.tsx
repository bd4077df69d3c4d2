"use client";

import Link from "@cloudscape-design/components/link";
import type { TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { userHref } from "./detail/user-href";

/** A user's name linking to the user's page, followed in the app (no full page load), as the tables list users. */
export function UserLink({ userName }: { userName: string }) {
  const router = useRouter();
  return (
    <Link href={userHref(userName)} onFollow={(e) => (e.preventDefault(), router.push(userHref(userName)))}>
      {userName}
    </Link>
  );
}

/** The "User name" column of the tables that list users, sorted by name. */
export const userNameColumn: TableProps.ColumnDefinition<{ userName: string }> = {
  id: "userName",
  header: "User name",
  sortingField: "userName",
  cell: (u) => <UserLink userName={u.userName} />,
};
