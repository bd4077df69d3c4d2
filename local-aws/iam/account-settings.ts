import { randomUUID } from "node:crypto";
import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { AwsError, invalidInput, validationError } from "../protocol/errors";

type Settings = { global_endpoint_token_version: string; outbound_issuer: string | null; outbound_enabled: number };

export function accountSettings(ctx: Ctx): Settings {
  const row = sql(ctx.db, "SELECT * FROM iam_account_settings WHERE account_id = ?").get(ctx.accountId) as Settings | undefined;
  return row ?? { global_endpoint_token_version: "v1Token", outbound_issuer: null, outbound_enabled: 0 };
}

function saveSettings(ctx: Ctx, s: Settings): void {
  sql(
    ctx.db,
    `INSERT INTO iam_account_settings (account_id, global_endpoint_token_version, outbound_issuer, outbound_enabled)
     VALUES (?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET global_endpoint_token_version = excluded.global_endpoint_token_version,
     outbound_issuer = excluded.outbound_issuer, outbound_enabled = excluded.outbound_enabled`,
  ).run(ctx.accountId, s.global_endpoint_token_version, s.outbound_issuer, s.outbound_enabled);
}

const featureEnabled = () =>
  new AwsError(
    "FeatureEnabled",
    "The request failed because outbound identity federation is already enabled for your AWS account. You cannot enable the feature multiple times. To fetch the current configuration (including the unique issuer URL), use the GetOutboundWebIdentityFederationInfo operation.",
    409,
  );
const featureDisabled = () =>
  new AwsError(
    "FeatureDisabled",
    "The request failed because outbound identity federation is already disabled for your AWS account. You cannot disable the feature multiple times",
    404,
  );

// PutAccountProperties' map is not in the botocore model this machine has; its constraints, from the API reference.
const PROPERTY_KEY = /^[A-Za-z][A-Za-z0-9/_-]*$/;

function checkProperties(properties: Record<string, string> | undefined): Record<string, string> {
  if (properties === undefined) {
    throw validationError("1 validation error detected: Value null at 'properties' failed to satisfy constraint: Member must not be null");
  }
  const errors: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const at = `Value '${key}' at 'properties.key' failed to satisfy constraint: Member must`;
    if (key.length < 1) errors.push(`${at} have length greater than or equal to 1`);
    if (key.length > 50) errors.push(`${at} have length less than or equal to 50`);
    if (key.length > 0 && !PROPERTY_KEY.test(key)) errors.push(`${at} satisfy regular expression pattern: ${PROPERTY_KEY.source}`);
    const vAt = `Value '${value}' at 'properties.${key}.member' failed to satisfy constraint: Member must`;
    if (value.length < 1) errors.push(`${vAt} have length greater than or equal to 1`);
    if (value.length > 1024) errors.push(`${vAt} have length less than or equal to 1024`);
  }
  if (errors.length) {
    const n = errors.length;
    throw validationError(`${n} validation error${n > 1 ? "s" : ""} detected: ${errors.join("; ")}`);
  }
  const keys = Object.keys(properties);
  if (keys.length === 0) throw invalidInput("Properties must contain at least one property.");
  for (const key of keys) {
    if (key.split("/").length !== 2 || key.endsWith("/")) {
      throw invalidInput(`Property key ${key} must be in the format Namespace/PropertyName.`);
    }
  }
  if (new Set(keys.map((k) => k.split("/")[0])).size > 1)
    throw invalidInput("All properties in a request must belong to the same namespace.");
  return properties;
}

/**
 * Account-wide IAM settings. The STS global endpoint token version is what GetAccountSummary reports; the outbound web
 * identity federation issuer is generated once per account and kept when the feature is turned off and on again.
 */
export const accountSettingsHandlers: Handlers = {
  SetSecurityTokenServicePreferences(input: { GlobalEndpointTokenVersion: "v1Token" | "v2Token" }, ctx) {
    saveSettings(ctx, { ...accountSettings(ctx), global_endpoint_token_version: input.GlobalEndpointTokenVersion });
  },

  EnableOutboundWebIdentityFederation(_input: Record<string, never>, ctx) {
    const s = accountSettings(ctx);
    if (s.outbound_enabled) throw featureEnabled();
    const issuer = s.outbound_issuer ?? `https://${randomUUID()}.tokens.sts.global.api.aws`;
    saveSettings(ctx, { ...s, outbound_issuer: issuer, outbound_enabled: 1 });
    return { IssuerIdentifier: issuer };
  },

  DisableOutboundWebIdentityFederation(_input: Record<string, never>, ctx) {
    const s = accountSettings(ctx);
    if (!s.outbound_enabled) throw featureDisabled();
    saveSettings(ctx, { ...s, outbound_enabled: 0 });
  },

  GetOutboundWebIdentityFederationInfo(_input: Record<string, never>, ctx) {
    const s = accountSettings(ctx);
    if (!s.outbound_issuer) throw featureDisabled();
    return { IssuerIdentifier: s.outbound_issuer, JwtVendingEnabled: s.outbound_enabled === 1 };
  },

  GetAccountProperties(_input: Record<string, never>, ctx) {
    const rows = sql(ctx.db, "SELECT key, value FROM iam_account_properties WHERE account_id = ? ORDER BY key").all(ctx.accountId) as {
      key: string;
      value: string;
    }[];
    return { Properties: Object.fromEntries(rows.map((r) => [r.key, r.value])) };
  },

  PutAccountProperties(input: { Properties?: Record<string, string> }, ctx) {
    const properties = checkProperties(input.Properties);
    const put = sql(
      ctx.db,
      "INSERT INTO iam_account_properties (account_id, key, value) VALUES (?, ?, ?) ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value",
    );
    for (const [key, value] of Object.entries(properties)) put.run(ctx.accountId, key, value);
  },
};
