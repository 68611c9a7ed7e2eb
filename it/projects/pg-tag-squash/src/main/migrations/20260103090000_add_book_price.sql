-- parents: 20260102090000
-- message: add book price

-- upgrade
ALTER TABLE books ADD COLUMN price DECIMAL(8, 2);
UPDATE books SET price = 9.99 WHERE id = 1;

-- downgrade
ALTER TABLE books DROP COLUMN price;
