-- parents: 20260102090000
-- message: create c

-- upgrade
CREATE TABLE c (id INT PRIMARY KEY);
INSERT INTO c VALUES (1);
INSERT INTO c VALUES (1);

-- downgrade
DROP TABLE c;
