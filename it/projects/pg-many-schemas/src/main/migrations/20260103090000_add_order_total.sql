-- parents: 20260102090000
-- message: add order total

-- upgrade
ALTER TABLE orders ADD COLUMN total NUMERIC(12, 2);

-- downgrade
ALTER TABLE orders DROP COLUMN total;
