"use client";

import Spinner from "@cloudscape-design/components/spinner";
import dynamic from "next/dynamic";

type Props = { document: string };

// The summary needs the action catalogue (~1.2 MB): loaded with it on first use, never in a page's first-load JS.
const PolicySummaryView = dynamic<Props>(() => import("./summary/policy-summary-view").then((m) => m.PolicySummaryView), {
  ssr: false,
  loading: () => <Spinner />,
});

/** The IAM console's policy summary of a document: services, then a service's actions, then an action's resources. */
export function PolicyPermissionsSummary({ document }: Props) {
  return <PolicySummaryView document={document} />;
}
