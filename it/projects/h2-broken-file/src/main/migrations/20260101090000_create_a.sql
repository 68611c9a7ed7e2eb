-- parents: base
-- message: create a

-- upgrade
CREATE TABLE a (id INT PRIMARY KEY);

-- downgrade
DROP TABLE a;
