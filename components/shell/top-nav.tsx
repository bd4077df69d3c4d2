"use client";

import TopNavigation from "@cloudscape-design/components/top-navigation";
import { signOut } from "@/components/auth/session";
import { useRouter } from "next/navigation";
import { formatAccountId } from "@/components/dashboard/sign-in-url";
import { useSwitchRoleMenu } from "@/components/switch-role/use-switch-role-menu";
import { useAccount } from "@/lib/queries/account";
import type { Identity } from "@/lib/identity";
import { useShell } from "./shell-context";

const COPIED_FLASH_MS = 3000;

/** Like the AWS console's header: who you are (user or role @ account alias or ID), the account, and sign out. */
export function TopNav({ identity }: { identity: Identity }) {
  const router = useRouter();
  const { notify, dismiss } = useShell();
  // The alias can change after sign-in (dashboard): prefer the live one, fall back to the session's.
  const account = useAccount();
  const alias = account.data ? account.data.accountAlias : identity.accountAlias;
  const accountId = formatAccountId(identity.accountId);
  const who =
    identity.type === "root" ? "root" : identity.type === "assumed-role" ? identity.arn.split("/").slice(1).join("/") : identity.userName!;
  const switchRole = useSwitchRoleMenu((text, label) => void copy(text, label));

  async function copy(text: string, label: string) {
    const done = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    const id = notify({
      type: done ? "success" : "error",
      content: done ? `${label} copied: ${text}` : `${label} couldn't be copied: ${text}`,
    });
    setTimeout(() => dismiss(id), COPIED_FLASH_MS);
  }

  return (
    <TopNavigation
      identity={{
        href: "/",
        title: "Clef",
        logo: { src: "/clef.svg", alt: "Clef" },
        onFollow: (e) => {
          e.preventDefault();
          router.push("/");
        },
      }}
      utilities={[
        {
          type: "menu-dropdown",
          text: switchRole.label ?? `${who} @ ${alias ?? accountId}`,
          description: identity.type === "root" ? "Root user" : identity.type === "user" ? "IAM user" : "Assumed role",
          iconName: "user-profile",
          items: [
            ...switchRole.identityGroups({
              text: "Signed in as",
              items: [{ id: "copy-arn", text: who, secondaryText: identity.arn, iconName: "copy", ariaLabel: `Copy ARN ${identity.arn}` }],
            }),
            {
              text: "Account",
              items: [
                {
                  id: "copy-account-id",
                  text: "Account ID",
                  secondaryText: accountId,
                  iconName: "copy",
                  ariaLabel: `Copy account ID ${accountId}`,
                },
                ...(alias ? [{ id: "copy-alias", text: "Account alias", secondaryText: alias, iconName: "copy" as const }] : []),
              ],
            },
            ...(identity.type === "user"
              ? [{ text: "Security credentials", items: [{ id: "change-password", text: "Change password", href: "/change-password" }] }]
              : []),
            { id: "account-settings", text: "Account settings", href: "/account-settings" },
            ...switchRole.items,
            { id: "signout", text: "Sign out" },
          ],
          onItemFollow: (e) => {
            if (e.detail.href) {
              e.preventDefault();
              router.push(e.detail.href);
            }
          },
          onItemClick: (e) => {
            if (switchRole.onItemClick(e.detail.id)) return;
            if (e.detail.id === "signout") void signOut({ callbackUrl: "/signin" });
            if (e.detail.id === "copy-account-id") void copy(identity.accountId, "Account ID");
            if (e.detail.id === "copy-alias" && alias) void copy(alias, "Account alias");
            if (e.detail.id === "copy-arn") void copy(identity.arn, "ARN");
          },
        },
      ]}
    />
  );
}
