-- parents: 20250109090000
-- message: widen sku

-- upgrade
ALTER TABLE products ALTER COLUMN sku TYPE VARCHAR(64);

-- downgrade
ALTER TABLE products ALTER COLUMN sku TYPE VARCHAR(32);
