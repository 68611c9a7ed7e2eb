-- parents: 20261101091500
-- message: add book stock

-- upgrade
ALTER TABLE books ADD COLUMN in_stock INT DEFAULT 0 NOT NULL;

-- downgrade
ALTER TABLE books DROP COLUMN in_stock;
