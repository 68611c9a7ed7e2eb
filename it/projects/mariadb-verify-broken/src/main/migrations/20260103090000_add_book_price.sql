-- parents: 20260102090000
-- message: add book price

-- upgrade
ALTER TABLE books ADD COLUMN price DECIMAL(8, 2) DEFAULT 0 NOT NULL;
CREATE INDEX ix_books_price ON books (price);

-- downgrade
-- forgets the index, so the column cannot go either: the diff names the index
ALTER TABLE books ALTER COLUMN price DROP DEFAULT;
