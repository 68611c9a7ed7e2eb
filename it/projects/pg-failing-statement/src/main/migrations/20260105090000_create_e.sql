-- parents: 20260104090000
-- message: create e

-- upgrade
CREATE TABLE e (id INT PRIMARY KEY);

-- downgrade
DROP TABLE e;
