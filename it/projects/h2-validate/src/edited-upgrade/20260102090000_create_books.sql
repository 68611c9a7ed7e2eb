-- parents: 20260101090000
-- message: create books

-- upgrade
CREATE TABLE books (
  id INT PRIMARY KEY,
  author_id INT NOT NULL REFERENCES authors (id),
  title VARCHAR(300) NOT NULL,
  isbn VARCHAR(13)
);

-- downgrade
DROP TABLE books;
