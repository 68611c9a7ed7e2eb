-- parents: 20250105090000
-- message: timestamps with time zone

-- upgrade
ALTER TABLE customers ALTER COLUMN created_at TYPE TIMESTAMPTZ;
ALTER TABLE orders ALTER COLUMN placed_at TYPE TIMESTAMPTZ USING placed_at AT TIME ZONE 'UTC';

-- downgrade
ALTER TABLE orders ALTER COLUMN placed_at TYPE TIMESTAMP WITHOUT TIME ZONE;
ALTER TABLE customers ALTER COLUMN created_at TYPE TIMESTAMP WITHOUT TIME ZONE;
