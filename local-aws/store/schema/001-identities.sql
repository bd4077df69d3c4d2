CREATE TABLE IF NOT EXISTS accounts (
  account_id TEXT PRIMARY KEY,
  password_policy TEXT,
  credential_report TEXT,
  credential_report_date TEXT,
  credential_report_state TEXT
);
CREATE TABLE IF NOT EXISTS account_aliases (
  alias TEXT PRIMARY KEY,
  account_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  user_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  create_date TEXT NOT NULL,
  password_last_used TEXT,
  permissions_boundary TEXT,
  UNIQUE (account_id, name_lc)
);
CREATE TABLE IF NOT EXISTS groups (
  group_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  create_date TEXT NOT NULL,
  UNIQUE (account_id, name_lc)
);
CREATE TABLE IF NOT EXISTS group_members (
  group_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS group_members_user ON group_members (user_id);
CREATE TABLE IF NOT EXISTS roles (
  role_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  assume_role_policy TEXT NOT NULL,
  description TEXT,
  max_session_duration INTEGER NOT NULL DEFAULT 3600,
  permissions_boundary TEXT,
  create_date TEXT NOT NULL,
  last_used_date TEXT,
  last_used_region TEXT,
  UNIQUE (account_id, name_lc)
);
CREATE TABLE IF NOT EXISTS instance_profiles (
  instance_profile_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  create_date TEXT NOT NULL,
  UNIQUE (account_id, name_lc)
);
CREATE TABLE IF NOT EXISTS instance_profile_roles (
  instance_profile_id TEXT NOT NULL,
  role_id TEXT NOT NULL,
  PRIMARY KEY (instance_profile_id, role_id)
);
CREATE INDEX IF NOT EXISTS instance_profile_roles_role ON instance_profile_roles (role_id);
-- resource_type: user | role | policy | instance-profile | mfa
CREATE TABLE IF NOT EXISTS tags (
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  key_lc TEXT NOT NULL,
  value TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (resource_type, resource_id, key_lc)
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
