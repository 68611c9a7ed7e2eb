-- parents: 20260101090000
-- message: create orders

-- upgrade
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id));

-- downgrade
DROP TABLE orders;
