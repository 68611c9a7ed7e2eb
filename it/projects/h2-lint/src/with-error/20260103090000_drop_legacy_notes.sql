-- parents: 20260102090000
-- message: drop legacy notes, rename author name
-- the notes were copied to the archive database before this release
-- (this copy has no lint-ignore header, so its DROP TABLE is reported)

-- upgrade
DROP TABLE legacy_notes;
ALTER TABLE authors RENAME COLUMN name TO full_name;

-- downgrade
ALTER TABLE authors RENAME COLUMN full_name TO name;
CREATE TABLE legacy_notes (id INT PRIMARY KEY, body VARCHAR(1000));
