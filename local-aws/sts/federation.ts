import type { Handlers } from "../context";
import { accessDenied, AwsError } from "../protocol/errors";
import { sql } from "../store/db";
import { packedPolicySize, sessionPolicies } from "./role-sessions";
import { createSession } from "./sessions";

const invalidIdentityToken = (message: string) => new AwsError("InvalidIdentityToken", message, 400);

/** The claims of a JWT, or undefined when the token isn't one. */
function claimsOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return claims && typeof claims === "object" && typeof claims.iss === "string" ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The account of a role ARN: the unsigned exchanges look for the provider there. */
const roleAccount = (roleArn: string) => /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];

/** An issuer as IAM keys its OIDC providers: without the scheme or a trailing slash, the host lowercased. */
function providerUrlOf(issuer: string): string {
  const rest = issuer.replace(/^https:\/\//i, "").replace(/\/+$/, "");
  const slash = rest.indexOf("/");
  return slash < 0 ? rest.toLowerCase() : rest.slice(0, slash).toLowerCase() + rest.slice(slash);
}

const ROOT_FEDERATION_MAX = 3600;

/**
 * Federation: GetFederationToken (an IAM user's or the root's long-term credentials make a federated user whose
 * permissions are their own within the session policies), and the web identity and SAML exchanges, which need an
 * OpenID Connect or SAML provider in the role's account. They check what can be checked offline (the provider, the
 * token's audience and expiry); the signature needs the issuer's keys, which local-aws does not fetch, so a token that
 * passes those checks gets AWS's answer for keys it couldn't retrieve.
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

  AssumeRoleWithWebIdentity(input: { RoleArn: string; WebIdentityToken: string }, ctx) {
    const claims = claimsOf(input.WebIdentityToken);
    if (!claims)
      throw invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
    const issuer = claims.iss as string;
    const provider = sql(ctx.db, "SELECT client_ids FROM oidc_providers WHERE account_id = ? AND url = ?").get(
      roleAccount(input.RoleArn) ?? "",
      providerUrlOf(issuer),
    ) as { client_ids: string } | undefined;
    if (!provider) throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const clientIds: string[] = JSON.parse(provider.client_ids);
    if (!audiences.some((aud) => typeof aud === "string" && clientIds.includes(aud)))
      throw invalidIdentityToken("Incorrect token audience");
    const now = Math.floor(ctx.now.getTime() / 1000);
    if (typeof claims.exp === "number" && claims.exp <= now)
      throw new AwsError(
        "ExpiredTokenException",
        `Token expired: current date/time ${now} must be before the expiration date/time ${claims.exp}`,
        400,
      );
    throw invalidIdentityToken(
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
  },

  AssumeRoleWithSAML(input: { RoleArn: string; PrincipalArn: string; SAMLAssertion: string }, ctx) {
    const arn = /^arn:aws:iam::(\d{12}):saml-provider\/[\w.-]+$/.exec(input.PrincipalArn);
    if (!arn) throw invalidIdentityToken(`${input.PrincipalArn} is not a valid SAML provider ARN.`);
    const provider = sql(ctx.db, "SELECT arn FROM saml_providers WHERE account_id = ? AND arn = ?").get(arn[1], input.PrincipalArn);
    if (!provider) throw invalidIdentityToken(`SAML provider ${input.PrincipalArn} does not exist.`);
    throw invalidIdentityToken("Response signature invalid");
  },

  GetAccessKeyInfo(input: { AccessKeyId: string }, ctx) {
    const row = (sql(ctx.db, "SELECT account_id FROM access_keys WHERE access_key_id = ?").get(input.AccessKeyId) ??
      sql(ctx.db, "SELECT account_id FROM sessions WHERE access_key_id = ?").get(input.AccessKeyId)) as { account_id: string } | undefined;
    if (!row) throw new AwsError("InvalidParameterValue", `The access key ID ${input.AccessKeyId} is not valid.`, 400);
    return { Account: row.account_id };
  },
};
