-- parents: 20250116090000
-- message: comments

-- upgrade
COMMENT ON TABLE orders IS 'One checkout';
COMMENT ON COLUMN orders.total_cents IS 'Sum in cents, tax included';
COMMENT ON COLUMN customers.email IS NULL;

-- downgrade
COMMENT ON COLUMN orders.total_cents IS NULL;
COMMENT ON TABLE orders IS NULL;
