-- parents: 20260104090000
-- message: add book price

-- upgrade
ALTER TABLE books ADD COLUMN price DECIMAL(8, 2);
INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin');

-- downgrade
DELETE FROM authors WHERE id = 1;
ALTER TABLE books DROP COLUMN price;
