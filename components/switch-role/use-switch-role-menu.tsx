"use client";

import type { ButtonDropdownProps } from "@cloudscape-design/components/button-dropdown";
import { formatAccountId } from "@/components/dashboard/sign-in-url";
import { useNotify } from "@/components/shell/shell-context";
import type { SwitchOutcome } from "@/lib/switch-role";
import { RoleColorSwatch } from "./role-color-swatch";
import { useSwitchRole } from "./use-switch-role";
import { useSwitchRoleState } from "./switch-role-context";

const RECENT = "recent-role-";

/**
 * The account menu's part of Switch role, as in AWS: while switched, who is active and who signed in, "Switch back";
 * always "Switch role" and the five most recent roles (display name and colour), one click to switch again.
 */
export function useSwitchRoleMenu(copy: (text: string, label: string) => void) {
  const { active, signedIn, recent } = useSwitchRoleState();
  const { switchRole, switchBack } = useSwitchRole();
  const notify = useNotify();
  const signedInName = signedIn.type === "root" ? "root" : (signedIn.userName ?? signedIn.arn.split("/").pop()!);
  const signedInAs = `${signedInName} @ ${signedIn.accountAlias ?? formatAccountId(signedIn.accountId)}`;

  /** While switched, who is active and who signed in replace the menu's own "Signed in as" group. */
  const identityGroups = (signedInGroup: ButtonDropdownProps.ItemGroup): ButtonDropdownProps.ItemOrGroup[] =>
    !active
      ? [signedInGroup]
      : [
          {
            text: "Currently active as",
            items: [
              {
                id: "copy-arn",
                text: active.displayName,
                secondaryText: active.arn,
                iconName: "copy",
                ariaLabel: `Copy ARN ${active.arn}`,
              },
            ],
          },
          {
            text: "Signed in as",
            items: [
              {
                id: "copy-signed-in-arn",
                text: signedInAs,
                secondaryText: signedIn.arn,
                iconName: "copy",
                ariaLabel: `Copy ARN ${signedIn.arn}`,
              },
            ],
          },
        ];

  const items: ButtonDropdownProps.ItemOrGroup[] = [
    ...(active ? [{ id: "switch-back", text: "Switch back" }] : []),
    { id: "switch-role", text: "Switch role", href: "/switch-role" },
    ...(recent.length
      ? [
          {
            text: "Role history",
            items: recent.map((r, i) => ({
              id: `${RECENT}${i}`,
              text: r.displayName,
              // The role and account, unless the display name already says just that.
              secondaryText: r.displayName === `${r.roleName} @ ${r.account}` ? undefined : `${r.roleName} @ ${r.account}`,
              iconSvg: <RoleColorSwatch color={r.color} />,
            })),
          },
        ]
      : []),
  ];

  const failed = (outcome: SwitchOutcome) => {
    if (!outcome.ok) notify({ type: "error", header: outcome.code, content: outcome.message });
  };

  /** Whether the click was one of these items. */
  function onItemClick(id: string): boolean {
    if (id === "copy-signed-in-arn") copy(signedIn.arn, "ARN");
    else if (id === "switch-back") void switchBack().then(failed);
    else if (id.startsWith(RECENT)) {
      const r = recent[Number(id.slice(RECENT.length))];
      if (r) void switchRole({ account: r.account, roleName: r.roleName, displayName: r.displayName, color: r.color }).then(failed);
    } else return false;
    return true;
  }

  return { label: active?.displayName, color: active?.color, identityGroups, items, onItemClick };
}
