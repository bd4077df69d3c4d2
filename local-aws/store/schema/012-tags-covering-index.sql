-- A resource's tags in their order with their keys and values, read from the index alone: GetAccountAuthorizationDetails
-- reads a page's tags in one query, and List*Tags and the next tag's seq walk one resource's entries.
CREATE INDEX tags_by_resource ON tags (resource_type, resource_id, seq, key, value);
