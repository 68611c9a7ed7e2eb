-- parents: 20260101090000
-- message: create c

-- upgrade
CREATE TABLE c (id INT PRIMARY KEY);

-- downgrade
DROP TABLE c;
