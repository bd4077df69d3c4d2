-- IAM's account-level settings: the STS global endpoint token version, outbound web identity federation (its issuer
-- is generated at the first enable and kept), and account properties (Namespace/PropertyName keys).
CREATE TABLE iam_account_settings (
  account_id TEXT PRIMARY KEY,
  global_endpoint_token_version TEXT NOT NULL DEFAULT 'v1Token',
  outbound_issuer TEXT,
  outbound_enabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE iam_account_properties (
  account_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
);
-- Centralized root access: the features an organization's management account enabled (RootCredentialsManagement,
-- RootSessions); they belong to the organization, like its other settings.
CREATE TABLE iam_org_root_features (
  org_id TEXT NOT NULL,
  feature TEXT NOT NULL,
  PRIMARY KEY (org_id, feature)
);
-- Temporary delegation requests: made by a partner's account (account_id), claimed by an owner in another account.
-- state: UNASSIGNED | ASSIGNED | PENDING_APPROVAL | ACCEPTED | FINALIZED | REJECTED (EXPIRED is read from expiration_time)
CREATE TABLE iam_delegation_requests (
  delegation_request_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  requestor_workflow_id TEXT NOT NULL,
  owner_account_id TEXT,
  owner_id TEXT,
  approver_id TEXT,
  description TEXT NOT NULL,
  request_message TEXT,
  permissions TEXT NOT NULL,
  redirect_url TEXT,
  notification_channel TEXT NOT NULL,
  session_duration INTEGER NOT NULL,
  only_send_by_owner INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  notes TEXT,
  rejection_reason TEXT,
  create_date TEXT NOT NULL,
  updated_time TEXT NOT NULL,
  expiration_time TEXT NOT NULL,
  UNIQUE (account_id, requestor_workflow_id)
);
CREATE INDEX iam_delegation_requests_owner ON iam_delegation_requests (owner_account_id, owner_id);
