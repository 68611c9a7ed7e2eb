-- parents: base
-- message: create authors
-- The bookshop starts with the people who write the books.

-- upgrade
CREATE TABLE authors (
    id   INT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

-- downgrade
DROP TABLE authors;
