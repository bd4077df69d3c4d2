import type { Handlers } from "../context";
import { accessDenied, AwsError } from "../protocol/errors";
import { sql } from "../store/db";
import { packedPolicySize, sessionPolicies } from "./role-sessions";
import { createSession } from "./sessions";

const invalidIdentityToken = (message: string) => new AwsError("InvalidIdentityToken", message, 400);

/** The `iss` claim of a JWT, or undefined when the token isn't one. */
function issuerOf(token: string): string | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof claims?.iss === "string" ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}

const ROOT_FEDERATION_MAX = 3600;

/**
 * Federation: GetFederationToken (an IAM user's or the root's long-term credentials make a federated user whose
 * permissions are their own within the session policies), and the web identity and SAML exchanges, which need an
 * OpenID Connect or SAML provider in the role's account. local-aws has no identity providers yet, so those answer as
 * AWS does for a provider that doesn't exist.
 */
export const federationHandlers: Handlers = {
  GetFederationToken(
    input: {
      Name: string;
      Policy?: string;
      PolicyArns?: { arn?: string }[];
      DurationSeconds?: number;
      Tags?: { Key: string; Value: string }[];
    },
    ctx,
  ) {
    const { caller } = ctx;
    if (caller.session) throw accessDenied("Cannot call GetFederationToken with session credentials");
    const requested = input.DurationSeconds ?? 43200;
    // "Sessions obtained using root user credentials are restricted to a maximum of 3,600 seconds."
    const durationSeconds = caller.type === "root" ? Math.min(requested, ROOT_FEDERATION_MAX) : requested;
    const policies = sessionPolicies(input);
    const tags = input.Tags ?? [];
    const packed = packedPolicySize(policies, tags);
    const credentials = createSession(
      ctx.db,
      {
        type: "federated-user",
        accountId: caller.accountId,
        name: input.Name,
        ...(caller.type === "user" ? { userId: caller.userId } : {}),
      },
      { durationSeconds, source: "GetFederationToken", now: ctx.now, extras: { policies, tags } },
    );
    return {
      Credentials: credentials,
      FederatedUser: {
        FederatedUserId: `${caller.accountId}:${input.Name}`,
        Arn: `arn:aws:sts::${caller.accountId}:federated-user/${input.Name}`,
      },
      ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    };
  },

  AssumeRoleWithWebIdentity(input: { WebIdentityToken: string }) {
    const issuer = issuerOf(input.WebIdentityToken);
    if (!issuer)
      throw invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
    throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);
  },

  AssumeRoleWithSAML(input: { RoleArn: string; PrincipalArn: string; SAMLAssertion: string }) {
    const provider = /^arn:aws:iam::(\d{12}):saml-provider\/[\w.-]+$/.test(input.PrincipalArn);
    if (!provider) throw invalidIdentityToken(`${input.PrincipalArn} is not a valid SAML provider ARN.`);
    throw invalidIdentityToken(`SAML provider ${input.PrincipalArn} does not exist.`);
  },

  GetAccessKeyInfo(input: { AccessKeyId: string }, ctx) {
    const row = (sql(ctx.db, "SELECT account_id FROM access_keys WHERE access_key_id = ?").get(input.AccessKeyId) ??
      sql(ctx.db, "SELECT account_id FROM sessions WHERE access_key_id = ?").get(input.AccessKeyId)) as { account_id: string } | undefined;
    if (!row) throw new AwsError("InvalidParameterValue", `The access key ID ${input.AccessKeyId} is not valid.`, 400);
    return { Account: row.account_id };
  },
};
