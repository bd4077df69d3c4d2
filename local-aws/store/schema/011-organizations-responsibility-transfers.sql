-- Organizations: billing responsibility transfers. The inviting management account (target_account_id, of
-- target_org_id) manages the responsibility for another organization's management account (source_*), which is
-- invited by a TRANSFER_RESPONSIBILITY handshake. status: REQUESTED | ACCEPTED | WITHDRAWN; while REQUESTED, the
-- handshake's state (declined, canceled, expired) is the transfer's.
CREATE TABLE org_responsibility_transfers (
  transfer_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  target_org_id TEXT NOT NULL,
  target_account_id TEXT NOT NULL,
  source_account_id TEXT,
  source_email TEXT,
  handshake_id TEXT NOT NULL,
  start_timestamp TEXT NOT NULL,
  end_timestamp TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  created TEXT NOT NULL
);
CREATE INDEX org_responsibility_transfers_target ON org_responsibility_transfers (target_account_id);
CREATE INDEX org_responsibility_transfers_source ON org_responsibility_transfers (source_account_id);
CREATE INDEX org_responsibility_transfers_handshake ON org_responsibility_transfers (handshake_id);
