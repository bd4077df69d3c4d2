-- Accounts are first-class: the default account, standalone accounts (/_clef/accounts) and member accounts
-- (Organizations CreateAccount). kind: default | standalone | member; state: ACTIVE | PENDING_CLOSURE | SUSPENDED.
ALTER TABLE accounts ADD COLUMN name TEXT;
ALTER TABLE accounts ADD COLUMN email TEXT;
ALTER TABLE accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'default';
ALTER TABLE accounts ADD COLUMN create_date TEXT;
ALTER TABLE accounts ADD COLUMN state TEXT NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE accounts ADD COLUMN state_date TEXT;
CREATE UNIQUE INDEX accounts_email ON accounts (email COLLATE NOCASE) WHERE email IS NOT NULL;

-- AWS Organizations: one organization per management account; its tree and policies live beside the accounts.
CREATE TABLE org_organizations (
  org_id TEXT PRIMARY KEY,
  management_account_id TEXT NOT NULL UNIQUE,
  feature_set TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE TABLE org_roots (
  root_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  name TEXT NOT NULL
);
-- status: ENABLED (PENDING_* never persist: enabling and disabling complete within the request)
CREATE TABLE org_root_policy_types (
  root_id TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (root_id, policy_type)
);
CREATE TABLE org_units (
  ou_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  name TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX org_units_parent ON org_units (parent_id);
-- joined_method: INVITED | CREATED
CREATE TABLE org_members (
  account_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  joined_method TEXT NOT NULL,
  joined_timestamp TEXT NOT NULL
);
CREATE INDEX org_members_parent ON org_members (parent_id);
CREATE INDEX org_members_org ON org_members (org_id);
-- org_id 'aws' holds the AWS managed policies (FullAWSAccess, RCPFullAWSAccess), shared by every organization
CREATE TABLE org_policies (
  policy_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX org_policies_org ON org_policies (org_id, policy_type);
CREATE TABLE org_attachments (
  policy_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (policy_id, target_id)
);
CREATE INDEX org_attachments_target ON org_attachments (target_id);
-- state: IN_PROGRESS | SUCCEEDED | FAILED; settled by the request pipeline once create_account_seconds have passed
CREATE TABLE org_create_account_requests (
  request_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  account_name TEXT NOT NULL,
  email TEXT NOT NULL,
  role_name TEXT NOT NULL,
  iam_user_access_to_billing TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL,
  requested TEXT NOT NULL,
  completed TEXT,
  account_id TEXT,
  failure_reason TEXT
);
CREATE INDEX org_create_account_pending ON org_create_account_requests (state, requested);
CREATE TABLE org_handshakes (
  handshake_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  action TEXT NOT NULL,
  state TEXT NOT NULL,
  parties TEXT NOT NULL,
  resources TEXT NOT NULL,
  target_account_id TEXT,
  notes TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  requested TEXT NOT NULL,
  expiration TEXT NOT NULL
);
-- resource_id: an account ID, OU ID, root ID or policy ID
CREATE TABLE org_tags (
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (resource_id, key)
);
CREATE TABLE org_delegated_admins (
  org_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  service_principal TEXT NOT NULL,
  delegation_date TEXT NOT NULL,
  PRIMARY KEY (account_id, service_principal)
);
CREATE TABLE org_service_access (
  org_id TEXT NOT NULL,
  service_principal TEXT NOT NULL,
  date_enabled TEXT NOT NULL,
  PRIMARY KEY (org_id, service_principal)
);
CREATE TABLE org_resource_policies (
  org_id TEXT PRIMARY KEY,
  policy_id TEXT NOT NULL,
  content TEXT NOT NULL
);

-- Role sessions (AssumeRole*) and federated users (GetFederationToken) carry what their requests are evaluated with.
ALTER TABLE sessions ADD COLUMN role_arn TEXT;
ALTER TABLE sessions ADD COLUMN session_policies TEXT;
ALTER TABLE sessions ADD COLUMN session_tags TEXT;
ALTER TABLE sessions ADD COLUMN transitive_tag_keys TEXT;
ALTER TABLE sessions ADD COLUMN source_identity TEXT;
ALTER TABLE sessions ADD COLUMN chained INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN federated_name TEXT;
ALTER TABLE sessions ADD COLUMN mfa_age_origin TEXT;
CREATE INDEX sessions_role ON sessions (role_id) WHERE role_id IS NOT NULL;
