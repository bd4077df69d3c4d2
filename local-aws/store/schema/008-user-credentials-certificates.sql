-- SSH public keys of IAM users (CodeCommit). body: as uploaded; wire: the key's SSH wire blob, base64 (duplicates compare it).
CREATE TABLE ssh_public_keys (
  ssh_public_key_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  body TEXT NOT NULL,
  wire TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL,
  upload_date TEXT NOT NULL
);
CREATE INDEX ssh_public_keys_user ON ssh_public_keys (user_id);
-- X.509 signing certificates; user_id is NULL for the account root's. The ID is the certificate's own fingerprint.
CREATE TABLE signing_certificates (
  certificate_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  user_id TEXT,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  upload_date TEXT NOT NULL,
  PRIMARY KEY (account_id, certificate_id)
);
CREATE INDEX signing_certificates_user ON signing_certificates (user_id);
-- Server certificates (ELB, CloudFront). The private key is kept for those services and never returned.
CREATE TABLE server_certificates (
  server_certificate_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  body TEXT NOT NULL,
  chain TEXT,
  private_key TEXT NOT NULL,
  upload_date TEXT NOT NULL,
  expiration TEXT NOT NULL,
  UNIQUE (account_id, name_lc)
);
-- Service-specific credentials (CodeCommit, Keyspaces, Bedrock, CloudWatch Logs); only a hash of the secret is kept.
CREATE TABLE service_specific_credentials (
  credential_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  service_name TEXT NOT NULL,
  service_user_name TEXT,
  credential_alias TEXT,
  secret_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  create_date TEXT NOT NULL,
  expiration_date TEXT
);
CREATE INDEX service_specific_credentials_user ON service_specific_credentials (user_id);
