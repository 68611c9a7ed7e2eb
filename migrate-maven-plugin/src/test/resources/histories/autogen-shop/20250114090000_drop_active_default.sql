-- parents: 20250113090000
-- message: drop active default

-- upgrade
ALTER TABLE products ALTER COLUMN active DROP DEFAULT;
ALTER TABLE products ALTER COLUMN name DROP NOT NULL;

-- downgrade
ALTER TABLE products ALTER COLUMN name SET NOT NULL;
ALTER TABLE products ALTER COLUMN active SET DEFAULT true;
