-- parents: 20260103090000
-- message: create reviews

-- upgrade
CREATE TABLE reviews (id INT PRIMARY KEY, book_id INT REFERENCES books (id));

-- downgrade
DROP TABLE reviews;
