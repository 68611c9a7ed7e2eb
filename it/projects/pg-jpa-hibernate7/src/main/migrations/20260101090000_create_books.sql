-- parents: base
-- message: create books

-- upgrade
CREATE SEQUENCE hibernate_sequence START WITH 1 INCREMENT BY 1;
CREATE TABLE book (id bigint NOT NULL PRIMARY KEY, title varchar(255) NOT NULL);
CREATE VIEW book_titles AS SELECT title FROM book;
CREATE FUNCTION title_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM book';

-- downgrade
DROP FUNCTION title_count();
DROP VIEW book_titles;
DROP TABLE book;
DROP SEQUENCE hibernate_sequence;
