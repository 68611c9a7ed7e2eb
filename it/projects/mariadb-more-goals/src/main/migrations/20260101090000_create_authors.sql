-- parents: base
-- message: create authors

-- upgrade
CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- downgrade
DROP TABLE authors;
