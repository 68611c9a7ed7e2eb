-- parents: base
-- message: create books

-- upgrade
CREATE TABLE books (id bigint PRIMARY KEY, title text NOT NULL);
CREATE INDEX ix_books_title ON books (title);

-- downgrade
DROP TABLE books;
