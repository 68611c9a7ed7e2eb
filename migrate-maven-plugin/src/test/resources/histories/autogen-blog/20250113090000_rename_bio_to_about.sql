-- parents: 20250112090000
-- message: rename bio to about

-- upgrade
ALTER TABLE authors RENAME COLUMN bio TO about;

-- downgrade
ALTER TABLE authors RENAME COLUMN about TO bio;
