-- parents: 20260105090000
-- message: index book's titles
-- transactional: false

-- upgrade
CREATE INDEX CONCURRENTLY ix_books_title ON books (title);

-- downgrade
DROP INDEX CONCURRENTLY ix_books_title;
