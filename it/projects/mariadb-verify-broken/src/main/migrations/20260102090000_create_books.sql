-- parents: 20260101090000
-- message: create books

-- upgrade
CREATE TABLE books (
    id        INT PRIMARY KEY,
    author_id INT NOT NULL,
    title     VARCHAR(300) NOT NULL,
    CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)
);
CREATE INDEX ix_books_title ON books (title);

-- downgrade
DROP TABLE books;
