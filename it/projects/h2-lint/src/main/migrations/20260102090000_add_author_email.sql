-- parents: 20260101090000
-- message: add author email

-- upgrade
ALTER TABLE authors ADD COLUMN email VARCHAR(200) NOT NULL;

-- downgrade
ALTER TABLE authors DROP COLUMN email;
