"use client";

import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import { useBreadcrumbs } from "@/components/shell/shell-context";

export function Dashboard() {
  useBreadcrumbs([{ text: "Dashboard" }]);
  return <ContentLayout header={<Header variant="h1">IAM Dashboard</Header>} />;
}
