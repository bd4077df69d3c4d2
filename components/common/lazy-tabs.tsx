"use client";

import Spinner from "@cloudscape-design/components/spinner";
import dynamic from "next/dynamic";

/** What a detail page's tab shows while its code loads: the tabs not shown on arrival load when first shown. */
export const TabLoading = () => <Spinner size="large" />;

/** The Access Advisor and effective permissions tabs that users, roles (and their like) share, loaded when first shown. */
export const AccessAdvisorTab = dynamic(() => import("@/components/common/access-advisor-tab").then((m) => m.AccessAdvisorTab), {
  ssr: false,
  loading: TabLoading,
});
export const EffectivePermissionsTab = dynamic(
  () => import("@/components/effective/effective-permissions-tab").then((m) => m.EffectivePermissionsTab),
  { ssr: false, loading: TabLoading },
);
