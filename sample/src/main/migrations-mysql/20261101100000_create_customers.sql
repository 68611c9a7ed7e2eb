-- parents: 20261101090000
-- message: create customers
-- branch: customers

-- upgrade
CREATE TABLE customers (
    id    INT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(320) NOT NULL UNIQUE
);

-- downgrade
DROP TABLE customers;
