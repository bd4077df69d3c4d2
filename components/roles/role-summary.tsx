"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import { useState } from "react";
import { CopyText } from "@/components/common/copy-text";
import type { RoleDetail } from "@/lib/queries/roles";
import { ago, dateTime } from "@/lib/format/time";
import { EditRoleModal } from "./edit-role-modal";
import { durationLabel } from "./session-duration-select";

/** The role's Summary, as the AWS console shows it, with "Edit" for description and maximum session duration. */
export function RoleSummaryContainer({ role }: { role: RoleDetail }) {
  const [editing, setEditing] = useState(false);
  const lastActivity = role.lastUsed ? `${ago(role.lastUsed.date)}${role.lastUsed.region ? ` in ${role.lastUsed.region}` : ""}` : "-";
  return (
    <Container
      header={
        <Header variant="h2" actions={<Button onClick={() => setEditing(true)}>Edit</Button>}>
          Summary
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: "Creation date", value: dateTime(role.createDate) },
          { label: "ARN", value: <CopyText text={role.arn} label="ARN" testId="role-arn" /> },
          { label: "Last activity", value: lastActivity },
          {
            label: "Maximum session duration",
            value: <span data-testid="role-max-session">{durationLabel(role.maxSessionDuration)}</span>,
          },
          {
            label: "Instance profile ARN",
            value: role.instanceProfiles.length ? (
              <div data-testid="instance-profile-arn">
                {role.instanceProfiles.map((p) => (
                  <div key={p.arn}>
                    <CopyText text={p.arn} label="Instance profile ARN" />
                  </div>
                ))}
              </div>
            ) : (
              "-"
            ),
          },
          ...(role.switchRoleUrl
            ? [
                {
                  label: "Link to switch roles in console",
                  value: <CopyText text={role.switchRoleUrl} label="Link" testId="switch-role-link" />,
                },
              ]
            : []),
          { label: "Description", value: role.description || "-" },
        ]}
      />
      <EditRoleModal role={role} visible={editing} onClose={() => setEditing(false)} />
    </Container>
  );
}
