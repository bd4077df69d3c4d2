"use client";

import SideNavigation from "@cloudscape-design/components/side-navigation";
import { usePathname, useRouter } from "next/navigation";
import { OrganizationsSideNav } from "@/components/organizations/organizations-side-nav";

const ITEMS = [
  { type: "link" as const, text: "Dashboard", href: "/" },
  {
    type: "section" as const,
    text: "Access management",
    items: [
      { type: "link" as const, text: "User groups", href: "/groups" },
      { type: "link" as const, text: "Users", href: "/users" },
      { type: "link" as const, text: "Roles", href: "/roles" },
      { type: "link" as const, text: "Policies", href: "/policies" },
      { type: "link" as const, text: "Identity providers", href: "/identity-providers" },
      { type: "link" as const, text: "Account settings", href: "/account-settings" },
    ],
  },
  {
    type: "section" as const,
    text: "Access reports",
    items: [{ type: "link" as const, text: "Access checks", href: "/access-checks" }],
  },
  {
    type: "section" as const,
    text: "Tools",
    items: [{ type: "link" as const, text: "Policy simulator", href: "/simulator" }],
  },
  { type: "divider" as const },
  {
    type: "section" as const,
    text: "Related consoles",
    items: [{ type: "link" as const, text: "AWS Organizations", href: "/organizations" }],
  },
];

export function SideNav() {
  const pathname = usePathname();
  const router = useRouter();
  // Each console has its own side navigation, chosen by the page's path.
  if (pathname.startsWith("/organizations")) return <OrganizationsSideNav />;
  const active = ITEMS.flatMap((i) => (i.type === "section" ? i.items : i.type === "link" ? [i] : []))
    .filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href)))
    .map((i) => i.href)[0];
  return (
    <SideNavigation
      header={{ text: "Identity and Access Management (IAM)", href: "/" }}
      activeHref={active ?? pathname}
      items={ITEMS}
      onFollow={(e) => {
        if (!e.detail.external) {
          e.preventDefault();
          router.push(e.detail.href);
        }
      }}
    />
  );
}
