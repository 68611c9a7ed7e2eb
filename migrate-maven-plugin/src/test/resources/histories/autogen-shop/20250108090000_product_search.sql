-- parents: 20250107090000
-- message: product search

-- upgrade
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_products_name_trgm ON products USING gin (name gin_trgm_ops);
CREATE INDEX ix_products_active_name ON products (lower(name)) WHERE active;

-- downgrade
DROP INDEX ix_products_active_name;
DROP INDEX ix_products_name_trgm;
DROP EXTENSION pg_trgm;
