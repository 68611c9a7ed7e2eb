-- parents: 20261101090000
-- message: create books
-- branch: catalog

-- upgrade
CREATE TABLE books (
    id        INT AUTO_INCREMENT PRIMARY KEY,
    author_id INT NOT NULL,
    title     VARCHAR(300) NOT NULL,
    price     DECIMAL(8, 2) NOT NULL,
    FOREIGN KEY (author_id) REFERENCES authors (id)
);
CREATE INDEX ix_books_author ON books (author_id);

-- downgrade
-- DROP TABLE drops the index too; dropping it first fails on H2 once the foreign key uses it
DROP TABLE books;
