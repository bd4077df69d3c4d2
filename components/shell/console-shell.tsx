"use client";

import AppLayout from "@cloudscape-design/components/app-layout";
import BreadcrumbGroup from "@cloudscape-design/components/breadcrumb-group";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { Identity } from "@/lib/identity";
import { ShellProvider, useShell } from "./shell-context";
import { SideNav } from "./side-nav";
import { TopNav } from "./top-nav";

// No page has a flash on arrival (they come from what the user does), so the Flashbar loads after the page.
const Flashbar = dynamic(() => import("@cloudscape-design/components/flashbar"), { ssr: false });

function Layout({ children }: { children: ReactNode }) {
  const { breadcrumbs, flashes } = useShell();
  const router = useRouter();
  return (
    <AppLayout
      headerSelector="#top-nav"
      navigation={<SideNav />}
      breadcrumbs={
        <BreadcrumbGroup
          items={breadcrumbs}
          ariaLabel="Breadcrumbs"
          onFollow={(e) => {
            e.preventDefault();
            if (e.detail.href !== "#") router.push(e.detail.href);
          }}
        />
      }
      notifications={<Flashbar items={flashes} stackItems={flashes.length > 3} />}
      toolsHide
      content={children}
    />
  );
}

export function ConsoleShell({ identity, children }: { identity: Identity; children: ReactNode }) {
  return (
    <ShellProvider accountId={identity.accountId}>
      <div id="top-nav" style={{ position: "sticky", top: 0, zIndex: 1002 }}>
        <TopNav identity={identity} />
      </div>
      <Layout>{children}</Layout>
    </ShellProvider>
  );
}
