-- parents: 20260101090000
-- message: create books

-- upgrade
-- titles are limited to 200 characters because the print labels are
CREATE TABLE books (
  id        INT PRIMARY KEY,
  author_id INT NOT NULL REFERENCES authors (id),
  title     VARCHAR(200) NOT NULL
);

-- downgrade
DROP TABLE books;
