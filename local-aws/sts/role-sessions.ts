import { deflateRawSync } from "node:zlib";
import type { Caller, Ctx, SessionPolicy } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { AwsError, accessDenied, validationError } from "../protocol/errors";
import { assertPolicyDocument } from "../iam/policy-document";
import type { RoleRow } from "../iam/shared";
import { createSession, type SessionSource } from "./sessions";

type Tag = { Key: string; Value: string };

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/;

/** The role a RoleArn names (path included, names case-insensitive), in whichever local account owns it. */
export function roleByArn(db: Db, roleArn: string): RoleRow | undefined {
  const m = ROLE_ARN.exec(roleArn);
  if (!m) return undefined;
  const role = sql(db, "SELECT * FROM roles WHERE account_id = ? AND name_lc = ?").get(m[1], m[3].toLowerCase()) as RoleRow | undefined;
  return role && role.path === m[2] ? role : undefined;
}

export const isRoleArn = (arn: string) => ROLE_ARN.test(arn);

/** "If you specify a value higher than this setting or the administrator setting (whichever is lower), the operation fails." */
export function roleSessionDuration(requested: number | undefined, role: RoleRow, chained: boolean): number {
  if (chained && requested !== undefined && requested > 3600) {
    throw validationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  if (requested !== undefined && requested > role.max_session_duration) {
    throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  return requested ?? 3600;
}

/** Inline and managed session policies as the session keeps them; an inline one must be a valid identity policy. */
export function sessionPolicies(input: { Policy?: string; PolicyArns?: { arn?: string }[] }): SessionPolicy[] {
  const out: SessionPolicy[] = [];
  if (input.Policy !== undefined) {
    assertPolicyDocument(input.Policy, "identity");
    out.push({ text: input.Policy });
  }
  for (const p of input.PolicyArns ?? []) if (p.arn) out.push({ arn: p.arn });
  return out;
}

/**
 * Session policies and tags are packed into the session token; AWS doesn't document the packing, so this approximates
 * it: compressed bytes against a fixed allowance, reported in percent (PackedPolicySize) and refused past 100%.
 */
const PACKED_ALLOWANCE = 2048;

export function packedPolicySize(policies: SessionPolicy[], tags: Tag[]): number | undefined {
  if (!policies.length && !tags.length) return undefined;
  const percent = (text: string) => Math.ceil((deflateRawSync(Buffer.from(text)).length * 100) / PACKED_ALLOWANCE);
  const tagText = tags.map((t) => `${t.Key}=${t.Value}`).join("\n");
  const tagsPercent = tags.length ? percent(tagText) : 0;
  if (tagsPercent > 100)
    throw new AwsError("PackedPolicyTooLarge", `Packed size of session tags consumes ${tagsPercent}% of allotted space.`, 400);
  const policyText = policies.map((p) => ("text" in p ? p.text.replace(/\s+/g, "") : p.arn)).join("\n");
  const total = percent(`${policyText}\n${tagText}`);
  if (total > 100)
    throw new AwsError("PackedPolicyTooLarge", `Packed policy consumes ${total}% of allotted space, please use smaller policy.`, 400);
  return total;
}

/**
 * The session's tags: the caller's transitive tags (role chaining carries them), then the request's. "If you pass a
 * session tag with the same key as an inherited tag, the operation fails"; transitive keys carry on down the chain.
 */
export function sessionTags(
  caller: Caller,
  tags: Tag[] | undefined,
  transitive: string[] | undefined,
): { tags: Tag[]; transitive: string[] } {
  const inheritedKeys = new Set((caller.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  const inherited = (caller.sessionTags ?? []).filter((t) => inheritedKeys.has(t.Key.toLowerCase()));
  const requested = tags ?? [];
  const seen = new Set<string>();
  for (const t of requested) {
    const key = t.Key.toLowerCase();
    if (seen.has(key)) throw validationError("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    seen.add(key);
    if (inheritedKeys.has(key)) {
      throw validationError(`Session tag ${t.Key} is inherited from the calling session as a transitive tag and can't be set again.`);
    }
  }
  const requestedKeys = new Set(requested.map((t) => t.Key.toLowerCase()));
  for (const k of transitive ?? []) {
    if (!requestedKeys.has(k.toLowerCase())) throw validationError(`The transitive tag key ${k} is not one of the session tags.`);
  }
  return { tags: [...inherited, ...requested], transitive: [...inherited.map((t) => t.Key), ...(transitive ?? [])] };
}

/** "The value that is set cannot be changed during the role session" — nor down a chain of sessions. */
export function sourceIdentity(caller: Caller, requested: string | undefined): string | undefined {
  if (requested !== undefined && requested.toLowerCase().startsWith("aws:")) {
    throw validationError("The source identity cannot start with 'aws:'; that prefix is reserved for AWS.");
  }
  if (caller.sourceIdentity !== undefined && requested !== undefined && requested !== caller.sourceIdentity) {
    throw accessDenied(`User: ${caller.arn} is not authorized to change the source identity ${caller.sourceIdentity} of its session.`);
  }
  return caller.sourceIdentity ?? requested;
}

/** Issues a role session and answers with what every AssumeRole* operation returns about it. */
export function issueRoleSession(
  ctx: Ctx,
  role: RoleRow,
  sessionName: string,
  opts: {
    source: SessionSource;
    durationSeconds: number;
    policies: SessionPolicy[];
    tags?: Tag[];
    transitiveTagKeys?: string[];
    sourceIdentity?: string;
    mfa?: { authenticated: boolean; time?: string };
    chained?: boolean;
  },
) {
  const tags = opts.tags ?? [];
  const packed = packedPolicySize(opts.policies, tags);
  const credentials = createSession(
    ctx.db,
    { type: "assumed-role", accountId: role.account_id, roleId: role.role_id, roleArn: role.arn, sessionName },
    {
      durationSeconds: opts.durationSeconds,
      source: opts.source,
      mfaAuthenticated: opts.mfa?.authenticated,
      now: ctx.now,
      extras: {
        policies: opts.policies,
        tags,
        transitiveTagKeys: opts.transitiveTagKeys,
        sourceIdentity: opts.sourceIdentity,
        chained: opts.chained,
        mfaTime: opts.mfa?.time,
      },
    },
  );
  sql(ctx.db, "UPDATE roles SET last_used_date = ?, last_used_region = ? WHERE role_id = ?").run(
    ctx.now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ctx.region,
    role.role_id,
  );
  return {
    Credentials: credentials,
    AssumedRoleUser: {
      AssumedRoleId: `${role.role_id}:${sessionName}`,
      Arn: `arn:aws:sts::${role.account_id}:assumed-role/${role.name}/${sessionName}`,
    },
    ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    ...(opts.sourceIdentity ? { SourceIdentity: opts.sourceIdentity } : {}),
  };
}
