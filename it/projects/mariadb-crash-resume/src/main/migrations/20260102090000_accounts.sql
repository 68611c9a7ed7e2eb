-- parents: 20260101090000
-- message: accounts

-- upgrade
CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB;
INSERT INTO events VALUES (1, 'accounts created');
ALTER TABLE accounts ADD COLUMN balance DECIMAL(10, 2) NOT NULL DEFAULT 0;
INSERT INTO events VALUES (2, 'balance added');
ALTER TABLE acounts ADD INDEX ix_accounts_name (name);
INSERT INTO events VALUES (3, 'name indexed');

-- downgrade
DELETE FROM events WHERE n IN (1, 2, 3);
DROP TABLE accounts;
