-- parents: 20260103090000
-- message: create d

-- upgrade
CREATE TABLE d (id INT PRIMARY KEY);

-- downgrade
DROP TABLE d;
