CREATE TABLE IF NOT EXISTS login_profiles (
  user_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  create_date TEXT NOT NULL,
  password_reset_required INTEGER NOT NULL DEFAULT 0,
  password_changed_date TEXT NOT NULL
);
-- previous password hashes, for the password policy's PasswordReusePrevention
CREATE TABLE IF NOT EXISTS password_history (
  user_id TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  changed_date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS password_history_user ON password_history (user_id);
-- user_id is NULL for the account root's keys
CREATE TABLE IF NOT EXISTS access_keys (
  access_key_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  user_id TEXT,
  secret_access_key TEXT NOT NULL,
  status TEXT NOT NULL,
  create_date TEXT NOT NULL,
  last_used_date TEXT,
  last_used_service TEXT,
  last_used_region TEXT
);
CREATE INDEX IF NOT EXISTS access_keys_user ON access_keys (user_id);
CREATE TABLE IF NOT EXISTS mfa_devices (
  serial_number TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  seed TEXT NOT NULL,
  user_id TEXT,
  enable_date TEXT,
  create_date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mfa_devices_user ON mfa_devices (user_id);
