"use client";

import TopNavigation from "@cloudscape-design/components/top-navigation";
import { signOut } from "next-auth/react";
import type { Identity } from "@/lib/identity";

/** Like the AWS console's header: who you are (user or role @ account alias or ID) and sign out. */
export function TopNav({ identity }: { identity: Identity }) {
  const account = identity.accountAlias ?? identity.accountId.replace(/(\d{4})(\d{4})(\d{4})/, "$1-$2-$3");
  const who =
    identity.type === "root" ? "root" : identity.type === "assumed-role" ? identity.arn.split("/").slice(1).join("/") : identity.userName!;
  return (
    <TopNavigation
      identity={{ href: "/", title: "Clef", logo: { src: "/clef.svg", alt: "Clef" } }}
      utilities={[
        {
          type: "menu-dropdown",
          text: `${who} @ ${account}`,
          description: identity.arn,
          iconName: "user-profile",
          items: [
            { id: "account", text: `Account ID: ${identity.accountId}` },
            ...(identity.accountAlias ? [{ id: "alias", text: `Account alias: ${identity.accountAlias}` }] : []),
            { id: "signout", text: "Sign out" },
          ],
          onItemClick: (e) => {
            if (e.detail.id === "signout") void signOut({ callbackUrl: "/signin" });
          },
        },
      ]}
    />
  );
}
