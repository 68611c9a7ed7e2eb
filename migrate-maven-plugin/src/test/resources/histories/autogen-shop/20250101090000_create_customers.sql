-- parents: base
-- message: create customers

-- upgrade
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    email CITEXT NOT NULL UNIQUE,
    full_name VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT now()
);

-- downgrade
DROP TABLE customers;
DROP EXTENSION citext;
