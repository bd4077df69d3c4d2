import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, deleteAllTags, iso, pageOut, putTags, removeTags, type Tag } from "./shared";
import { providerArnParts, sortedTags } from "./provider-shared";

type OidcRow = { arn: string; account_id: string; url: string; client_ids: string; thumbprints: string; create_date: string };

const OIDC_PROVIDERS_PER_ACCOUNT = 100;
const CLIENT_IDS_PER_PROVIDER = 100;
const THUMBPRINTS_PER_PROVIDER = 5;

const invalidUrl = () => invalidInput("Invalid Open ID Connect Provider URL");

/**
 * The provider's identity as AWS keeps it: host (lowercased) and path, without the scheme or a trailing slash. AWS takes
 * only https URLs, with neither query, fragment nor credentials.
 */
function providerUrl(url: string): string {
  if (!/^https:\/\//i.test(url)) throw invalidUrl();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl();
  }
  if (url.includes("?") || url.includes("#") || parsed.username || parsed.password || !parsed.hostname) throw invalidUrl();
  const rest = url.slice(url.indexOf("//") + 2);
  const path = rest.includes("/") ? rest.slice(rest.indexOf("/")).replace(/\/+$/, "") : "";
  return parsed.host + path;
}

function checkThumbprints(list: string[]): string[] {
  if (list.length > THUMBPRINTS_PER_PROVIDER)
    throw invalidInput(`Thumbprint list must contain fewer than ${THUMBPRINTS_PER_PROVIDER} entries.`);
  for (const t of list) if (!/^[0-9a-fA-F]{40}$/.test(t)) throw invalidInput(`Thumbprint ${t} is not a 40-character hex string.`);
  return [...new Map(list.map((t) => [t.toLowerCase(), t])).values()];
}

function checkClientIds(list: string[]): string[] {
  const unique = [...new Set(list)];
  if (unique.length > CLIENT_IDS_PER_PROVIDER) {
    throw limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${CLIENT_IDS_PER_PROVIDER}`);
  }
  return unique;
}

/** The account's provider named by `arn`; the host part of the ARN compares without case, like the URL it came from. */
export function findOidcProvider(ctx: Ctx, arn: string): OidcRow | undefined {
  const parts = providerArnParts(arn, "oidc-provider");
  if (!parts || parts.account !== ctx.accountId) return undefined;
  const slash = parts.name.indexOf("/");
  const host = slash < 0 ? parts.name : parts.name.slice(0, slash);
  const url = host.toLowerCase() + (slash < 0 ? "" : parts.name.slice(slash));
  return sql(ctx.db, "SELECT * FROM oidc_providers WHERE account_id = ? AND url = ?").get(ctx.accountId, url) as OidcRow | undefined;
}

function getProvider(ctx: Ctx, arn: string): OidcRow {
  if (!providerArnParts(arn, "oidc-provider")) throw invalidInput(`ARN ${arn} is not valid.`);
  const row = findOidcProvider(ctx, arn);
  if (!row) throw noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
  return row;
}

const list = (json: string) => JSON.parse(json) as string[];

function update(ctx: Ctx, row: OidcRow, column: "client_ids" | "thumbprints", values: string[]) {
  sql(ctx.db, `UPDATE oidc_providers SET ${column} = ? WHERE arn = ?`).run(JSON.stringify(values), row.arn);
}

type Arn = { OpenIDConnectProviderArn: string };

export const oidcProvidersHandlers: Handlers = {
  CreateOpenIDConnectProvider(input: { Url: string; ClientIDList?: string[]; ThumbprintList?: string[]; Tags?: Tag[] }, ctx) {
    const url = providerUrl(input.Url);
    const thumbprints = checkThumbprints(input.ThumbprintList ?? []);
    const clientIds = checkClientIds(input.ClientIDList ?? []);
    if (sql(ctx.db, "SELECT 1 FROM oidc_providers WHERE account_id = ? AND url = ?").get(ctx.accountId, url)) {
      throw entityAlreadyExists(`Provider with url https://${url} already exists.`);
    }
    const count = (sql(ctx.db, "SELECT COUNT(*) AS n FROM oidc_providers WHERE account_id = ?").get(ctx.accountId) as { n: number }).n;
    if (count >= OIDC_PROVIDERS_PER_ACCOUNT) {
      throw limitExceeded(`Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_PROVIDERS_PER_ACCOUNT}`);
    }
    const arn = `arn:aws:iam::${ctx.accountId}:oidc-provider/${url}`;
    sql(ctx.db, "INSERT INTO oidc_providers (arn, account_id, url, client_ids, thumbprints, create_date) VALUES (?, ?, ?, ?, ?, ?)").run(
      arn,
      ctx.accountId,
      url,
      JSON.stringify(clientIds),
      JSON.stringify(thumbprints),
      iso(ctx.now),
    );
    putTags(ctx, "oidc-provider", arn, input.Tags);
    const tags = sortedTags(ctx, "oidc-provider", arn);
    return { OpenIDConnectProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  },

  GetOpenIDConnectProvider(input: Arn, ctx) {
    const row = getProvider(ctx, input.OpenIDConnectProviderArn);
    const tags = sortedTags(ctx, "oidc-provider", row.arn);
    return {
      Url: row.url,
      ClientIDList: list(row.client_ids),
      ThumbprintList: list(row.thumbprints),
      CreateDate: new Date(row.create_date),
      ...(tags.length ? { Tags: tags } : {}),
    };
  },

  ListOpenIDConnectProviders(_input: Record<string, never>, ctx) {
    const rows = sql(ctx.db, "SELECT arn FROM oidc_providers WHERE account_id = ? ORDER BY arn").all(ctx.accountId) as { arn: string }[];
    return { OpenIDConnectProviderList: rows.map((r) => ({ Arn: r.arn })) };
  },

  /** Idempotent, as AWS documents: a provider that doesn't exist is already deleted. */
  DeleteOpenIDConnectProvider(input: Arn, ctx) {
    if (!providerArnParts(input.OpenIDConnectProviderArn, "oidc-provider")) {
      throw invalidInput(`ARN ${input.OpenIDConnectProviderArn} is not valid.`);
    }
    const row = findOidcProvider(ctx, input.OpenIDConnectProviderArn);
    if (!row) return;
    sql(ctx.db, "DELETE FROM oidc_providers WHERE arn = ?").run(row.arn);
    deleteAllTags(ctx, "oidc-provider", row.arn);
  },

  AddClientIDToOpenIDConnectProvider(input: Arn & { ClientID: string }, ctx) {
    const row = getProvider(ctx, input.OpenIDConnectProviderArn);
    update(ctx, row, "client_ids", checkClientIds([...list(row.client_ids), input.ClientID]));
  },

  RemoveClientIDFromOpenIDConnectProvider(input: Arn & { ClientID: string }, ctx) {
    const row = getProvider(ctx, input.OpenIDConnectProviderArn);
    update(
      ctx,
      row,
      "client_ids",
      list(row.client_ids).filter((id) => id !== input.ClientID),
    );
  },

  UpdateOpenIDConnectProviderThumbprint(input: Arn & { ThumbprintList: string[] }, ctx) {
    const row = getProvider(ctx, input.OpenIDConnectProviderArn);
    update(ctx, row, "thumbprints", checkThumbprints(input.ThumbprintList ?? []));
  },

  TagOpenIDConnectProvider(input: Arn & { Tags: Tag[] }, ctx) {
    putTags(ctx, "oidc-provider", getProvider(ctx, input.OpenIDConnectProviderArn).arn, input.Tags);
  },

  UntagOpenIDConnectProvider(input: Arn & { TagKeys: string[] }, ctx) {
    removeTags(ctx, "oidc-provider", getProvider(ctx, input.OpenIDConnectProviderArn).arn, input.TagKeys);
  },

  ListOpenIDConnectProviderTags(input: Arn & { Marker?: string; MaxItems?: number }, ctx) {
    const row = getProvider(ctx, input.OpenIDConnectProviderArn);
    return pageOut(arrayPage(input, sortedTags(ctx, "oidc-provider", row.arn)), "Tags", (t) => t);
  },
};
