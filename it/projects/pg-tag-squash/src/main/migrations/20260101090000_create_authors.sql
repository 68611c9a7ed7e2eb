-- parents: base
-- message: create authors

-- upgrade
CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
INSERT INTO authors (id, name) VALUES (1, 'Austen');

-- downgrade
DROP TABLE authors;
