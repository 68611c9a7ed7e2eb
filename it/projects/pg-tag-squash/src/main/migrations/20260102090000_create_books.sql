-- parents: 20260101090000
-- message: create books

-- upgrade
CREATE TABLE books (id INT PRIMARY KEY, author_id INT REFERENCES authors (id), title VARCHAR(200));
INSERT INTO books (id, author_id, title) VALUES (1, 1, 'Emma');

-- downgrade
DROP TABLE books;
