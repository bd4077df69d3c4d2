-- Organizations: EnableAllFeatures sends one handshake to each invited member, all hanging off the request's handshake.
ALTER TABLE org_handshakes ADD COLUMN parent_handshake_id TEXT;
CREATE INDEX org_handshakes_org ON org_handshakes (org_id);
-- The settle step at the start of every request looks for these; keep it an index probe.
CREATE INDEX org_handshakes_expiring ON org_handshakes (state, expiration);
CREATE INDEX accounts_closing ON accounts (state, state_date) WHERE state = 'PENDING_CLOSURE';
CREATE INDEX org_units_org ON org_units (org_id);
