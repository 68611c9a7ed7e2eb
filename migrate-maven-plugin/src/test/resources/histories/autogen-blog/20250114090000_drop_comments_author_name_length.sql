-- parents: 20250113090000
-- message: drop comments author name length

-- upgrade
ALTER TABLE comments ALTER COLUMN author_name TYPE text;
COMMENT ON COLUMN comments.author_name IS 'As typed by the commenter';

-- downgrade
COMMENT ON COLUMN comments.author_name IS NULL;
ALTER TABLE comments ALTER COLUMN author_name TYPE varchar(100);
