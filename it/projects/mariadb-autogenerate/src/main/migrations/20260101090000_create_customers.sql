-- parents: base
-- message: create customers

-- upgrade
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB;

-- downgrade
DROP TABLE customers;
