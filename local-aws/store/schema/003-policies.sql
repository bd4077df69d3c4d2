-- account_id 'aws' holds the AWS managed policy catalogue, shared by every account
CREATE TABLE IF NOT EXISTS policies (
  policy_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL UNIQUE,
  description TEXT,
  default_version_id TEXT NOT NULL,
  next_version INTEGER NOT NULL,
  create_date TEXT NOT NULL,
  update_date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS policies_account_name ON policies (account_id, name_lc);
CREATE TABLE IF NOT EXISTS policy_versions (
  policy_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  document TEXT NOT NULL,
  create_date TEXT NOT NULL,
  PRIMARY KEY (policy_id, version_id)
);
-- entity_type: user | group | role; entity_id is the entity's unique ID
CREATE TABLE IF NOT EXISTS attachments (
  account_id TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  policy_arn TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (entity_type, entity_id, policy_arn)
);
CREATE INDEX IF NOT EXISTS attachments_policy ON attachments (policy_arn, account_id);
CREATE TABLE IF NOT EXISTS inline_policies (
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (entity_type, entity_id, name)
);
-- ListPolicies walks policies in creation order, as AWS lists them; usage counts look up boundaries
CREATE INDEX IF NOT EXISTS policies_listing ON policies (account_id, create_date, arn);
CREATE INDEX IF NOT EXISTS users_boundary ON users (permissions_boundary) WHERE permissions_boundary IS NOT NULL;
CREATE INDEX IF NOT EXISTS roles_boundary ON roles (permissions_boundary) WHERE permissions_boundary IS NOT NULL;
