-- parents: 20260102090000
-- message: transfers

-- upgrade
CREATE TABLE transfers (id INT PRIMARY KEY, account_id INT NOT NULL,
    CONSTRAINT fk_transfers_account FOREIGN KEY (account_id) REFERENCES accounts (id)) ENGINE=InnoDB;
INSERT INTO events VALUES (4, 'transfers created');

-- downgrade
DELETE FROM events WHERE n = 4;
DROP TABLE transfers;
