CREATE TABLE customers (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200) COMMENT 'where invoices go'
) ENGINE=InnoDB;
