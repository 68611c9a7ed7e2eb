-- parents: base
-- message: create customers

-- upgrade
CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL);
COMMENT ON TABLE customers IS 'customers of tenant ${migrate:schema}';

-- downgrade
DROP TABLE customers;
