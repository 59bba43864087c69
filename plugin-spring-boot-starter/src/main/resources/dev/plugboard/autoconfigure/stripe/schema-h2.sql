-- Plugboard stripe table for H2. Idempotent: safe to run at every startup.
-- One row per Stripe event processed, inserted in the transaction that runs its handlers;
-- the primary key lets one of several concurrent deliveries of an event through. Rows may be
-- deleted once Stripe no longer retries their events (it retries for up to three days).
CREATE TABLE IF NOT EXISTS plugboard_stripe_event (
	event_id VARCHAR(255) NOT NULL PRIMARY KEY,
	event_type VARCHAR(255) NOT NULL,
	livemode BOOLEAN NOT NULL,
	created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS plugboard_stripe_event_received ON plugboard_stripe_event (received_at);
