-- parents: base
-- message: create authors

-- upgrade
CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE legacy_notes (id INT PRIMARY KEY, body VARCHAR(1000));

-- downgrade
DROP TABLE legacy_notes;
DROP TABLE authors;
