"use client";

import ContentLayout from "@cloudscape-design/components/content-layout";
import Grid from "@cloudscape-design/components/grid";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { AccountBox } from "./account-box";
import { IamResources } from "./iam-resources";
import { SecurityRecommendations } from "./security-recommendations";

/** The IAM console's dashboard: security recommendations and resource counts, with the account on the side. */
export function Dashboard({ consoleOrigin, backend }: { consoleOrigin: string; backend: "local" | "aws" }) {
  useBreadcrumbs([{ text: "Dashboard" }]);
  return (
    <ContentLayout header={<Header variant="h1">IAM Dashboard</Header>}>
      <Grid gridDefinition={[{ colspan: { default: 12, s: 8 } }, { colspan: { default: 12, s: 4 } }]}>
        <SpaceBetween size="l">
          <SecurityRecommendations backend={backend} />
          <IamResources />
        </SpaceBetween>
        <AccountBox consoleOrigin={consoleOrigin} />
      </Grid>
    </ContentLayout>
  );
}
