"use client";

import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";
import { CopyText } from "@/components/common/copy-text";
import type { AccessKeySummary, UserDetail } from "@/lib/queries/user-detail";
import { ago, dateTime } from "@/lib/format/time";
import { daysAgo, userHref } from "./user-href";

function consoleAccess(user: UserDetail) {
  if (!user.loginProfile) return <StatusIndicator type="stopped">Disabled</StatusIndicator>;
  return user.mfaDevices.length ? (
    <StatusIndicator type="success">Enabled with MFA</StatusIndicator>
  ) : (
    <StatusIndicator type="warning">Enabled without MFA</StatusIndicator>
  );
}

/** "AKIA… - Active", then when it was used and created, as the console's Summary shows a key. */
const accessKeyLine = (k: AccessKeySummary) => (
  <div>
    <Box>
      {k.accessKeyId} - <StatusIndicator type={k.status === "Active" ? "success" : "stopped"}>{k.status}</StatusIndicator>
    </Box>
    <Box variant="small" color="text-body-secondary">
      {k.lastUsedDate ? `Used ${ago(k.lastUsedDate).toLowerCase()}.` : "Never used."} Created {daysAgo(k.createDate)}.
    </Box>
  </div>
);

export function UserSummary({ user }: { user: UserDetail }) {
  const router = useRouter();
  const createHref = userHref(user.userName, "/create-access-key");
  const keySlot = (i: number) => {
    const k = user.accessKeys[i];
    if (k) return accessKeyLine(k);
    if (i > user.accessKeys.length) return "-";
    return (
      <Link href={createHref} onFollow={(e) => (e.preventDefault(), router.push(createHref))}>
        Create access key
      </Link>
    );
  };
  return (
    <Container header={<Header variant="h2">Summary</Header>} data-testid="user-summary">
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: "ARN",
            value: <CopyText text={user.arn} label="ARN" />,
          },
          { label: "Console access", value: consoleAccess(user) },
          { label: "Access key 1", value: keySlot(0) },
          { label: "Created", value: dateTime(user.createDate) },
          {
            label: "Last console sign-in",
            value: user.loginProfile || user.passwordLastUsed ? dateTimeOrNever(user.passwordLastUsed) : "-",
          },
          { label: "Access key 2", value: keySlot(1) },
        ]}
      />
    </Container>
  );
}

const dateTimeOrNever = (iso?: string) => (iso ? dateTime(iso) : "Never");
