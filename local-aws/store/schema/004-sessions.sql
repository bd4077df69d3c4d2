-- Temporary credentials (ASIA keys): console sign-in, GetSessionToken, and later AssumeRole.
-- principal_type: root | user | assumed-role
CREATE TABLE IF NOT EXISTS sessions (
  access_key_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  secret_access_key TEXT NOT NULL,
  session_token TEXT NOT NULL,
  principal_type TEXT NOT NULL,
  user_id TEXT,
  role_id TEXT,
  session_name TEXT,
  source TEXT NOT NULL,
  mfa_authenticated INTEGER NOT NULL DEFAULT 0,
  create_date TEXT NOT NULL,
  expiration TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_expiration ON sessions (expiration);
