-- parents: 20260101090000
-- message: create b

-- upgrade
CREATE TABLE b (id INT PRIMARY KEY);

-- downgrade
DROP TABLE b;
