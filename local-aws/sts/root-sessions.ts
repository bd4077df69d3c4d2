import type { Handlers } from "../context";
import { accessDenied, AwsError, validationError } from "../protocol/errors";
import { orgOfAccount } from "../organizations/tree";
import { rootSessionsAllowed } from "../iam/root-access";
import { createSession } from "./sessions";

const statement = (actions: string[], resource = "*") => ({ Effect: "Allow", Action: actions, Resource: resource });

/**
 * AssumeRoot's task policies (arn:aws:iam::aws:policy/root-task/...): what a privileged root session in a member account
 * may do. Their actions follow the IAM User Guide's "Perform a privileged task on an AWS Organizations member account".
 */
const TASK_POLICIES: Record<string, object> = {
  IAMAuditRootUserCredentials: statement([
    "iam:GetAccountSummary",
    "iam:GetLoginProfile",
    "iam:GetUser",
    "iam:ListAccessKeys",
    "iam:GetAccessKeyLastUsed",
    "iam:ListMFADevices",
    "iam:ListSigningCertificates",
  ]),
  IAMCreateRootUserPassword: statement(["iam:CreateLoginProfile", "iam:GetLoginProfile", "iam:GetUser"]),
  IAMDeleteRootUserCredentials: statement([
    "iam:DeleteLoginProfile",
    "iam:DeleteAccessKey",
    "iam:DeactivateMFADevice",
    "iam:DeleteVirtualMFADevice",
    "iam:DeleteSigningCertificate",
    "iam:GetLoginProfile",
    "iam:GetUser",
    "iam:ListAccessKeys",
    "iam:ListMFADevices",
    "iam:ListSigningCertificates",
  ]),
  S3UnlockBucketPolicy: statement(["s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy"]),
  SQSUnlockQueuePolicy: statement(["sqs:GetQueueAttributes", "sqs:SetQueueAttributes"]),
};

const TASK_ARN = /^arn:aws:iam::aws:policy\/root-task\/([A-Za-z0-9]+)$/;

/**
 * AssumeRoot: an IAM principal of the management account takes a short root session (at most 900 seconds) in a member
 * account, limited to one task policy. Its other STS operations need what local-aws has no counterpart for (an AWS
 * partner's trade-in token, outbound identity federation), and answer as AWS does when that is missing.
 */
export const rootSessionHandlers: Handlers = {
  AssumeRoot(input: { TargetPrincipal: string; TaskPolicyArn: { arn?: string }; DurationSeconds?: number }, ctx) {
    const { caller } = ctx;
    const task = TASK_ARN.exec(input.TaskPolicyArn.arn ?? "")?.[1];
    if (!task || !Object.hasOwn(TASK_POLICIES, task))
      throw validationError(`${input.TaskPolicyArn.arn ?? ""} is not a valid task policy ARN.`);
    const org = orgOfAccount(ctx.db, caller.accountId);
    const target = orgOfAccount(ctx.db, input.TargetPrincipal);
    // The management account or IAM's delegated administrator, once the organization has turned on root sessions.
    if (!org || caller.type === "root" || !rootSessionsAllowed(ctx.db, org, caller.accountId)) {
      throw accessDenied(
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${input.TargetPrincipal}:root`,
      );
    }
    if (!target || target.org_id !== org.org_id || input.TargetPrincipal === org.management_account_id) {
      throw validationError(`The target principal ${input.TargetPrincipal} is not a member account of your organization.`);
    }
    const text = JSON.stringify({ Version: "2012-10-17", Statement: [TASK_POLICIES[task]] });
    const credentials = createSession(
      ctx.db,
      { type: "root", accountId: input.TargetPrincipal },
      {
        durationSeconds: Math.min(input.DurationSeconds ?? 900, 900),
        source: "AssumeRoot",
        now: ctx.now,
        extras: { policies: [{ text }] },
      },
    );
    return { Credentials: credentials };
  },

  GetDelegatedAccessToken() {
    throw new AwsError("ExpiredTradeInTokenException", "The trade-in token provided is expired or invalid.", 400);
  },

  GetWebIdentityToken() {
    throw new AwsError(
      "OutboundWebIdentityFederationDisabledException",
      "Outbound web identity federation is not enabled for this account. Enable it with the IAM EnableOutboundWebIdentityFederation operation.",
      403,
    );
  },

  DecodeAuthorizationMessage(input: { EncodedMessage: string }) {
    const text = Buffer.from(input.EncodedMessage, "base64url").toString("utf8");
    try {
      const decoded = JSON.parse(text);
      if (decoded && typeof decoded === "object" && "allowed" in decoded) return { DecodedMessage: text };
    } catch {
      // not one of ours
    }
    throw new AwsError("InvalidAuthorizationMessageException", "The encoded authorization message is invalid.", 400);
  },
};
