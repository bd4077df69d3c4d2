"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Tiles from "@cloudscape-design/components/tiles";
import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useAttachUserPolicies, useAddUserToGroups, useUserGroups } from "@/lib/queries/user-detail";
import { GroupsPicker } from "./groups-picker";
import { policyNameOf, policyTypeOf, userHref } from "./user-href";

type Mode = "groups" | "policies";

/** The console's "Add permissions" for a user: add it to groups, or attach managed policies directly; then review. */
export function AddPermissions({ userName }: { userName: string }) {
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: userName, href: userHref(userName) }, { text: "Add permissions" }]);
  const router = useRouter();
  const notify = useNotify();
  const memberOf = useUserGroups(userName);
  const attach = useAttachUserPolicies(userName);
  const addToGroups = useAddUserToGroups(userName);
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<Mode>("groups");
  const [groups, setGroups] = useState<string[]>([]);
  const [policies, setPolicies] = useState<string[]>([]);
  const [stepError, setStepError] = useState<string>();
  const chosen = mode === "groups" ? groups : policies;
  const error = (attach.error ?? addToGroups.error) as (Error & { code?: string }) | null;
  const back = userHref(userName, "?section=permissions");

  const submit = () => {
    const done = () => {
      notify({
        type: "success",
        content:
          mode === "groups"
            ? `${userName} added to ${groups.join(", ")}.`
            : `${policies.length === 1 ? "Policy" : `${policies.length} policies`} attached to ${userName}.`,
      });
      router.push(back);
    };
    if (mode === "groups") addToGroups.mutate(groups, { onSuccess: done });
    else attach.mutate(policies, { onSuccess: done });
  };

  return (
    <Wizard
      activeStepIndex={step}
      onNavigate={(e) => {
        if (e.detail.requestedStepIndex > step && !chosen.length)
          return setStepError(mode === "groups" ? "Choose at least one group." : "Choose at least one policy.");
        setStepError(undefined);
        setStep(e.detail.requestedStepIndex);
      }}
      onCancel={() => router.push(back)}
      onSubmit={submit}
      isLoadingNextStep={attach.isPending || addToGroups.isPending}
      submitButtonText="Add permissions"
      i18nStrings={WIZARD_STRINGS}
      steps={[
        {
          title: "Add permissions",
          description: `Add ${userName} to an existing group or attach policies directly. Using groups is a best-practice way to manage permissions by job functions.`,
          errorText: stepError,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">Permissions options</Header>}>
                <Tiles
                  value={mode}
                  onChange={(e) => (setMode(e.detail.value as Mode), setStepError(undefined))}
                  columns={2}
                  items={[
                    {
                      value: "groups",
                      label: "Add user to group",
                      description:
                        "Add user to an existing group, or create a new group. We recommend using groups to manage user permissions by job function.",
                    },
                    {
                      value: "policies",
                      label: "Attach policies directly",
                      description:
                        "Attach a managed policy directly to a user. As a best practice, we recommend attaching policies to a group instead.",
                    },
                  ]}
                />
              </Container>
              {mode === "groups" ? (
                <GroupsPicker selected={groups} onChange={setGroups} memberOf={(memberOf.data ?? []).map((g) => g.groupName)} />
              ) : (
                <PolicyPicker selected={policies} onChange={(arns) => setPolicies(arns)} />
              )}
            </SpaceBetween>
          ),
        },
        {
          title: "Review",
          description: "The following policies will be attached to this user. Choose Add permissions to apply them.",
          errorText: error ? `${error.code ?? "Error"}: ${error.message}` : undefined,
          content: (
            <Table
              header={<Header variant="h2">Permissions summary</Header>}
              items={chosen.map((c) => ({ id: c }))}
              trackBy="id"
              data-testid="add-permissions-review"
              columnDefinitions={
                mode === "groups"
                  ? [
                      { id: "name", header: "Name", cell: (i) => i.id },
                      { id: "type", header: "Type", cell: () => "Group" },
                      { id: "used", header: "Used as", cell: () => "Permissions group" },
                    ]
                  : [
                      { id: "name", header: "Name", cell: (i) => policyNameOf(i.id) },
                      { id: "type", header: "Type", cell: (i) => policyTypeOf(i.id) },
                      { id: "used", header: "Used as", cell: () => "Permissions policy" },
                    ]
              }
            />
          ),
        },
      ]}
    />
  );
}
