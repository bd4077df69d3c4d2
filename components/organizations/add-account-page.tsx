"use client";

import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tiles from "@cloudscape-design/components/tiles";
import { useState } from "react";
import { CreateAccountForm } from "./create-account-form";
import { InviteAccountForm } from "./invite-account-form";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

/** "Add an AWS account": create a new account in the organization, or invite one that already exists. */
export function AddAccountPage({ initial }: { initial: "create" | "invite" }) {
  useOrgBreadcrumbs([{ text: "AWS accounts", href: "/organizations/accounts" }, { text: "Add an AWS account" }]);
  const [mode, setMode] = useState(initial);
  return (
    <ContentLayout header={<Header variant="h1">Add an AWS account</Header>}>
      <SpaceBetween size="l">
        <Tiles
          value={mode}
          onChange={(e) => setMode(e.detail.value as "create" | "invite")}
          ariaLabel="How to add the account"
          items={[
            { value: "create", label: "Create an AWS account", description: "Add a new account to the organization's root." },
            {
              value: "invite",
              label: "Invite an existing AWS account",
              description: "Send an invitation that the account's owner accepts.",
            },
          ]}
        />
        {mode === "create" ? <CreateAccountForm /> : <InviteAccountForm />}
      </SpaceBetween>
    </ContentLayout>
  );
}
