"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useCreateGroup } from "@/lib/queries/groups";
import { groupNameSchema } from "@/lib/schemas/iam";
import { groupHref } from "./group-href";
import { UsersSelector } from "./users-selector";

const nameError = (name: string) => groupNameSchema.safeParse(name).error?.issues[0]?.message;

/** "Create user group": name it, add users, attach policies; one request that IAM applies fully or not at all. */
export function CreateGroupForm() {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }, { text: "Create user group" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateGroup();
  const [groupName, setGroupName] = useState("");
  const [touched, setTouched] = useState(false);
  const [userNames, setUserNames] = useState<string[]>([]);
  const [policyArns, setPolicyArns] = useState<string[]>([]);
  const server = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (key: string) => server?.fieldErrors?.[key];
  const localError = touched ? nameError(groupName) : undefined;
  const formError = server && !server.fieldErrors?.groupName && !server.fieldErrors?.userNames && !server.fieldErrors?.policyArns;

  const submit = () => {
    setTouched(true);
    if (nameError(groupName)) return;
    create.mutate(
      { groupName, userNames, policyArns },
      {
        onSuccess: (g) => {
          notify({
            type: "success",
            header: `User group ${g.groupName} created.`,
            buttonText: "View group",
            onButtonClick: () => router.push(groupHref(g.groupName)),
          });
          router.push("/groups");
        },
        // The failed step may be far above the Create button: bring it into view.
        onError: () => setTimeout(() => document.querySelector("[data-create-error]")?.scrollIntoView({ block: "center" }), 50),
      },
    );
  };

  return (
    <form onSubmit={(e) => (e.preventDefault(), submit())}>
      <Form
        header={
          <Header
            variant="h1"
            description="A user group is a collection of IAM users. Use groups to specify permissions for a collection of users."
          >
            Create user group
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={() => router.push("/groups")}>
              Cancel
            </Button>
            <Button variant="primary" loading={create.isPending} data-testid="create-group-submit">
              Create user group
            </Button>
          </SpaceBetween>
        }
        errorText={formError ? `${server.code}: ${server.message}` : undefined}
        errorIconAriaLabel="Error"
      >
        <SpaceBetween size="l">
          {server?.fieldErrors?.rollback && <Alert type="warning">{server.fieldErrors.rollback}</Alert>}
          <Container header={<Header variant="h2">Name the group</Header>}>
            <FormField
              label="User group name"
              description="Enter a meaningful name to identify this group."
              constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
              errorText={localError ?? fieldError("groupName")}
              data-testid="group-name-field"
              data-create-error={fieldError("groupName") ? true : undefined}
            >
              <Input
                value={groupName}
                placeholder="Enter a group name"
                ariaLabel="User group name"
                onChange={(e) => {
                  setGroupName(e.detail.value);
                  setTouched(true);
                  if (create.isError) create.reset();
                }}
              />
            </FormField>
          </Container>
          <SpaceBetween size="xs">
            {fieldError("userNames") && (
              <Alert type="error" header={`${server!.code}: ${server!.message}`} data-create-error>
                <span style={{ whiteSpace: "pre-wrap" }}>{fieldError("userNames")}</span>
              </Alert>
            )}
            <UsersSelector
              title="Add users to the group - Optional"
              description="An IAM user is an entity that you create in AWS to represent the person or application that uses it to interact with AWS. A user can belong to up to 10 groups."
              selected={userNames}
              onChange={(names) => (setUserNames(names), create.reset())}
            />
          </SpaceBetween>
          <SpaceBetween size="xs">
            {fieldError("policyArns") && (
              <Alert type="error" header={`${server!.code}: ${server!.message}`} data-create-error>
                <span style={{ whiteSpace: "pre-wrap" }}>{fieldError("policyArns")}</span>
              </Alert>
            )}
            <PolicyPicker
              title="Attach permissions policies - Optional"
              selected={policyArns}
              onChange={(arns) => (setPolicyArns(arns), create.reset())}
            />
          </SpaceBetween>
        </SpaceBetween>
      </Form>
    </form>
  );
}
