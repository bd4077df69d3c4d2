import type { Handlers } from "../context";
import { accessDenied } from "../protocol/errors";
import { issueRoleSession, roleByArn, roleSessionDuration, sessionPolicies, sessionTags, sourceIdentity } from "./role-sessions";

type AssumeRoleInput = {
  RoleArn: string;
  RoleSessionName: string;
  Policy?: string;
  PolicyArns?: { arn?: string }[];
  DurationSeconds?: number;
  Tags?: { Key: string; Value: string }[];
  TransitiveTagKeys?: string[];
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
};

/** AssumeRole, after authorization (the trust policy, the caller's policies, SCPs and RCPs; see authz/sts-rules.ts). */
export const assumeRoleHandlers: Handlers = {
  AssumeRole(input: AssumeRoleInput, ctx) {
    const { caller } = ctx;
    const role = roleByArn(ctx.db, input.RoleArn);
    // Authorization refused a missing role already; this only guards a role deleted within the same request.
    if (!role) throw accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
    const chained = caller.type === "assumed-role";
    const durationSeconds = roleSessionDuration(input.DurationSeconds, role, chained);
    const tags = sessionTags(caller, input.Tags, input.TransitiveTagKeys);
    const mfaSupplied = input.SerialNumber !== undefined;
    const mfa = mfaSupplied
      ? { authenticated: true }
      : caller.session?.mfaAuthenticated
        ? { authenticated: true, time: caller.session.mfaTime ?? caller.session.issued }
        : undefined;
    return issueRoleSession(ctx, role, input.RoleSessionName, {
      source: "AssumeRole",
      durationSeconds,
      policies: sessionPolicies(input),
      tags: tags.tags,
      transitiveTagKeys: tags.transitive,
      sourceIdentity: sourceIdentity(caller, input.SourceIdentity),
      mfa,
      chained,
    });
  },
};
