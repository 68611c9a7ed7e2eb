-- parents: 20260101090000
-- message: create books

-- upgrade
CREATE TABLE books (
  id INT PRIMARY KEY,
  author_id INT NOT NULL,
  title VARCHAR(200) NOT NULL,
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)
);

-- downgrade
DROP TABLE books;
