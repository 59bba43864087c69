-- Plugboard outbox table for H2. Idempotent: safe to run at every startup.
-- A row is PENDING until delivered (then deleted) or DEAD after its last attempt; it is claimed
-- by writing locked_by and locked_until, and claimable again once locked_until has passed.
CREATE TABLE IF NOT EXISTS plugboard_outbox (
	id VARCHAR(36) NOT NULL PRIMARY KEY,
	topic VARCHAR(255) NOT NULL,
	payload CHARACTER LARGE OBJECT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	locked_until TIMESTAMP(6) WITH TIME ZONE,
	locked_by VARCHAR(255),
	last_error VARCHAR(2000)
);

-- The claim query: due pending rows, oldest due first.
CREATE INDEX IF NOT EXISTS plugboard_outbox_due ON plugboard_outbox (status, next_attempt_at);
