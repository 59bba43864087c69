-- The stripe test application's own table: one row per order its handler marked paid.
CREATE TABLE IF NOT EXISTS paid_order (
	event_id VARCHAR(255) NOT NULL,
	order_ref VARCHAR(255) NOT NULL
);
