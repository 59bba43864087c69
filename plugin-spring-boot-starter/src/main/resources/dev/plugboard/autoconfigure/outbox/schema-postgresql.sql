-- Plugboard outbox table for PostgreSQL. Idempotent: safe to run at every startup.
-- A row is PENDING until delivered (then deleted) or DEAD after its last attempt; it is claimed
-- by writing locked_by and locked_until, and claimable again once locked_until has passed.
CREATE TABLE IF NOT EXISTS plugboard_outbox (
	id VARCHAR(36) NOT NULL PRIMARY KEY,
	topic VARCHAR(255) NOT NULL,
	payload TEXT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_until TIMESTAMP WITH TIME ZONE,
	locked_by VARCHAR(255),
	last_error TEXT
);

-- The claim query (SELECT ... WHERE status = 'PENDING' AND next_attempt_at <= now ORDER BY
-- next_attempt_at LIMIT n FOR UPDATE SKIP LOCKED) reads this partial index only.
CREATE INDEX IF NOT EXISTS plugboard_outbox_due ON plugboard_outbox (next_attempt_at) WHERE status = 'PENDING';

-- The dead-letter list of the actuator endpoint.
CREATE INDEX IF NOT EXISTS plugboard_outbox_dead ON plugboard_outbox (created_at) WHERE status = 'DEAD';
