-- parents: 20260101090000
-- upgrade
CREATE TABLE b (id INT PRIMARY KEY);
-- upgrade
DROP TABLE b;
