import { createPrivateKey, randomBytes } from "node:crypto";
import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, deleteAllTags, iso, pageOut, putTags, removeTags, type Tag } from "./shared";
import { providerArnParts, sortedTags } from "./provider-shared";
import { parseSamlMetadata } from "./saml-metadata";

type PrivateKey = { KeyId: string; Timestamp: string; Pem: string };
type EncryptionMode = "Required" | "Allowed";
type SamlRow = {
  arn: string;
  account_id: string;
  name: string;
  uuid: string;
  metadata: string;
  valid_until: string;
  assertion_encryption_mode: EncryptionMode | null;
  private_keys: string;
  create_date: string;
};

const SAML_PROVIDERS_PER_ACCOUNT = 100;
const PRIVATE_KEYS_PER_PROVIDER = 2;
/** Without a validUntil in its metadata, a provider is valid for a hundred years from when it is made. */
const DEFAULT_VALIDITY_YEARS = 100;
const REQUIRED_WITHOUT_KEY = "Unable to set assertion encryption mode to Required because no private key is provided.";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const newId = () => "SAML" + [...randomBytes(18)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");

/** The metadata's expiry; a document that isn't SAML 2.0 IdP metadata, or that has expired, is refused. */
function validUntil(ctx: Ctx, document: string): string {
  const parsed = parseSamlMetadata(document);
  if (!parsed || (parsed.validUntil && parsed.validUntil <= ctx.now)) throw invalidInput("Could not parse metadata.");
  if (parsed.validUntil) return iso(parsed.validUntil);
  const until = new Date(ctx.now);
  until.setUTCFullYear(until.getUTCFullYear() + DEFAULT_VALIDITY_YEARS);
  return iso(until);
}

function privateKey(ctx: Ctx, pem: string): PrivateKey {
  try {
    createPrivateKey({ key: pem, format: "pem" });
  } catch {
    throw invalidInput("Invalid private key.");
  }
  return { KeyId: newId(), Timestamp: iso(ctx.now), Pem: pem };
}

export function findSamlProvider(ctx: Ctx, arn: string): SamlRow | undefined {
  const parts = providerArnParts(arn, "saml-provider");
  if (!parts || parts.account !== ctx.accountId) return undefined;
  return sql(ctx.db, "SELECT * FROM saml_providers WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, parts.name.toLowerCase()) as
    SamlRow | undefined;
}

function getProvider(ctx: Ctx, arn: string): SamlRow {
  if (!providerArnParts(arn, "saml-provider")) throw invalidInput(`ARN ${arn} is not valid.`);
  const row = findSamlProvider(ctx, arn);
  if (!row) throw noSuchEntity(`Manifest not found for arn ${arn}`);
  return row;
}

const keysOf = (row: SamlRow) => JSON.parse(row.private_keys) as PrivateKey[];

type Encryption = { AssertionEncryptionMode?: EncryptionMode; AddPrivateKey?: string };
type SamlArn = { SAMLProviderArn: string };

export const samlProvidersHandlers: Handlers = {
  CreateSAMLProvider(input: { Name: string; SAMLMetadataDocument: string; Tags?: Tag[] } & Encryption, ctx) {
    const until = validUntil(ctx, input.SAMLMetadataDocument);
    if (input.AssertionEncryptionMode === "Required" && !input.AddPrivateKey) throw invalidInput(REQUIRED_WITHOUT_KEY);
    const keys = input.AddPrivateKey ? [privateKey(ctx, input.AddPrivateKey)] : [];
    if (sql(ctx.db, "SELECT 1 FROM saml_providers WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, input.Name.toLowerCase())) {
      throw entityAlreadyExists(`SAMLProvider ${input.Name} already exists.`);
    }
    const count = (sql(ctx.db, "SELECT COUNT(*) AS n FROM saml_providers WHERE account_id = ?").get(ctx.accountId) as { n: number }).n;
    if (count >= SAML_PROVIDERS_PER_ACCOUNT) {
      throw limitExceeded(`Cannot exceed quota for SAMLProvidersPerAccount: ${SAML_PROVIDERS_PER_ACCOUNT}`);
    }
    const arn = `arn:aws:iam::${ctx.accountId}:saml-provider/${input.Name}`;
    sql(
      ctx.db,
      `INSERT INTO saml_providers (arn, account_id, name, name_lc, uuid, metadata, valid_until, assertion_encryption_mode, private_keys,
         create_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      arn,
      ctx.accountId,
      input.Name,
      input.Name.toLowerCase(),
      newId(),
      input.SAMLMetadataDocument,
      until,
      input.AssertionEncryptionMode ?? null,
      JSON.stringify(keys),
      iso(ctx.now),
    );
    putTags(ctx, "saml-provider", arn, input.Tags);
    const tags = sortedTags(ctx, "saml-provider", arn);
    return { SAMLProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  },

  GetSAMLProvider(input: SamlArn, ctx) {
    const row = getProvider(ctx, input.SAMLProviderArn);
    const tags = sortedTags(ctx, "saml-provider", row.arn);
    const keys = keysOf(row);
    return {
      SAMLProviderUUID: row.uuid,
      SAMLMetadataDocument: row.metadata,
      CreateDate: new Date(row.create_date),
      ValidUntil: new Date(row.valid_until),
      ...(tags.length ? { Tags: tags } : {}),
      ...(row.assertion_encryption_mode ? { AssertionEncryptionMode: row.assertion_encryption_mode } : {}),
      ...(keys.length ? { PrivateKeyList: keys.map((k) => ({ KeyId: k.KeyId, Timestamp: new Date(k.Timestamp) })) } : {}),
    };
  },

  ListSAMLProviders(_input: Record<string, never>, ctx) {
    const rows = sql(ctx.db, "SELECT * FROM saml_providers WHERE account_id = ? ORDER BY name_lc").all(ctx.accountId) as SamlRow[];
    return {
      SAMLProviderList: rows.map((r) => ({ Arn: r.arn, ValidUntil: new Date(r.valid_until), CreateDate: new Date(r.create_date) })),
    };
  },

  /** AWS's rules: something must change; a key is added or removed, not both; at most two keys; Required needs one. */
  UpdateSAMLProvider(input: SamlArn & Encryption & { SAMLMetadataDocument?: string; RemovePrivateKey?: string }, ctx) {
    const { SAMLMetadataDocument: document, AssertionEncryptionMode: mode, AddPrivateKey: add, RemovePrivateKey: remove } = input;
    if (document === undefined && mode === undefined && add === undefined && remove === undefined) {
      throw invalidInput("Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
    }
    if (add !== undefined && remove !== undefined) {
      throw invalidInput("Unable to add and remove private keys in the same request. Set a value for only one of the two parameters.");
    }
    const row = getProvider(ctx, input.SAMLProviderArn);
    const until = document === undefined ? row.valid_until : validUntil(ctx, document);
    const encryption = mode ?? row.assertion_encryption_mode;
    let keys = keysOf(row);
    if (add !== undefined) {
      if (keys.length >= PRIVATE_KEYS_PER_PROVIDER) throw limitExceeded(`Private key limit of ${PRIVATE_KEYS_PER_PROVIDER} is reached.`);
      keys = [...keys, privateKey(ctx, add)];
    }
    if (remove !== undefined) {
      if (!keys.some((k) => k.KeyId === remove)) {
        throw invalidInput("Failed to remove private key because the Key ID does not match a private key.");
      }
      if (keys.length === 1 && encryption === "Required") throw invalidInput("Failed to remove private key.");
      keys = keys.filter((k) => k.KeyId !== remove);
    }
    if (encryption === "Required" && !keys.length) throw invalidInput(REQUIRED_WITHOUT_KEY);
    sql(
      ctx.db,
      "UPDATE saml_providers SET metadata = ?, valid_until = ?, assertion_encryption_mode = ?, private_keys = ? WHERE arn = ?",
    ).run(document ?? row.metadata, until, encryption, JSON.stringify(keys), row.arn);
    return { SAMLProviderArn: row.arn };
  },

  DeleteSAMLProvider(input: SamlArn, ctx) {
    const row = getProvider(ctx, input.SAMLProviderArn);
    sql(ctx.db, "DELETE FROM saml_providers WHERE arn = ?").run(row.arn);
    deleteAllTags(ctx, "saml-provider", row.arn);
  },

  TagSAMLProvider(input: SamlArn & { Tags: Tag[] }, ctx) {
    putTags(ctx, "saml-provider", getProvider(ctx, input.SAMLProviderArn).arn, input.Tags);
  },

  UntagSAMLProvider(input: SamlArn & { TagKeys: string[] }, ctx) {
    removeTags(ctx, "saml-provider", getProvider(ctx, input.SAMLProviderArn).arn, input.TagKeys);
  },

  ListSAMLProviderTags(input: SamlArn & { Marker?: string; MaxItems?: number }, ctx) {
    const row = getProvider(ctx, input.SAMLProviderArn);
    return pageOut(arrayPage(input, sortedTags(ctx, "saml-provider", row.arn)), "Tags", (t) => t);
  },
};
