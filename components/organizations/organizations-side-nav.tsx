"use client";

import SideNavigation, { type SideNavigationProps } from "@cloudscape-design/components/side-navigation";
import { usePathname, useRouter } from "next/navigation";

const ITEMS: SideNavigationProps.Item[] = [
  { type: "link", text: "AWS accounts", href: "/organizations/accounts" },
  { type: "link", text: "Policies", href: "/organizations/policies" },
  { type: "link", text: "Settings", href: "/organizations/settings" },
  { type: "link", text: "Invitations", href: "/organizations/invitations" },
  { type: "divider" },
  { type: "section", text: "Related consoles", items: [{ type: "link", text: "IAM", href: "/" }] },
];

const LINKS = ["/organizations/accounts", "/organizations/policies", "/organizations/settings", "/organizations/invitations"];

/** The AWS Organizations console's own side navigation; roots, OUs and accounts belong to "AWS accounts". */
export function OrganizationsSideNav() {
  const pathname = usePathname();
  const router = useRouter();
  const node = /^\/organizations\/(roots|organizational-units)\//.test(pathname);
  const active = node ? "/organizations/accounts" : LINKS.find((href) => pathname.startsWith(href));
  return (
    <SideNavigation
      header={{ text: "AWS Organizations", href: "/organizations/accounts" }}
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
