-- Plugboard audit-log tables for PostgreSQL. Idempotent: safe to run at every startup.
-- Rows are appended only by the audit-log plugin; seq has no gaps and follows commit order.
CREATE TABLE IF NOT EXISTS plugboard_audit_log (
	seq BIGINT NOT NULL PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	principal VARCHAR(255),
	request_id VARCHAR(255),
	entity VARCHAR(255) NOT NULL,
	entity_id VARCHAR(255),
	op VARCHAR(6) NOT NULL,
	changes TEXT,
	prev_hash CHAR(64) NOT NULL,
	row_hash CHAR(64) NOT NULL
);

CREATE INDEX IF NOT EXISTS plugboard_audit_log_entity ON plugboard_audit_log (entity, entity_id, seq);

CREATE INDEX IF NOT EXISTS plugboard_audit_log_time ON plugboard_audit_log (occurred_at);

-- One row, locked by every append (SELECT ... FOR UPDATE) until the write's transaction ends.
CREATE TABLE IF NOT EXISTS plugboard_audit_head (
	id INT NOT NULL PRIMARY KEY CHECK (id = 1),
	seq BIGINT NOT NULL,
	row_hash CHAR(64) NOT NULL
);

INSERT INTO plugboard_audit_head (id, seq, row_hash)
	VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
	ON CONFLICT (id) DO NOTHING;
