-- IAM identity providers. An OpenID Connect provider is named by its URL (host and path, as AWS returns it), a SAML
-- provider by its name; both are looked up by ARN. Lists are JSON arrays; tags live in `tags` keyed by the ARN.
CREATE TABLE oidc_providers (
  arn TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  url TEXT NOT NULL,
  client_ids TEXT NOT NULL DEFAULT '[]',
  thumbprints TEXT NOT NULL DEFAULT '[]',
  create_date TEXT NOT NULL
);
CREATE INDEX oidc_providers_account ON oidc_providers (account_id);
CREATE TABLE saml_providers (
  arn TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  uuid TEXT NOT NULL,
  metadata TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  assertion_encryption_mode TEXT,
  -- [{ "KeyId", "Timestamp", "Pem" }]: the private keys that decrypt the provider's assertions (at most 2)
  private_keys TEXT NOT NULL DEFAULT '[]',
  create_date TEXT NOT NULL,
  UNIQUE (account_id, name_lc)
);
