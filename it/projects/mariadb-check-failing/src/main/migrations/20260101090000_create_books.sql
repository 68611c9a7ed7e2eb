-- parents: base
-- message: create books

-- upgrade
CREATE TABLE books (id bigint PRIMARY KEY, title varchar(200) NOT NULL);
CREATE INDEX ix_books_title ON books (title);

-- downgrade
DROP TABLE books;
