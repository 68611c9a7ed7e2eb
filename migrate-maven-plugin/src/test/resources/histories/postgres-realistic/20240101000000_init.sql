-- parents: base
-- message: initial schema
-- Converted from an Alembic revision (Revision ID: 1a2b3c4d5e6f)

-- upgrade
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE user_role AS ENUM ('admin', 'member');
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    role user_role NOT NULL DEFAULT 'member',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    token UUID NOT NULL DEFAULT gen_random_uuid()
);
CREATE UNIQUE INDEX ix_users_email ON users (lower(email));
COMMENT ON TABLE users IS 'People who can log in';

-- downgrade
DROP TABLE users;
DROP TYPE user_role;
DROP EXTENSION IF EXISTS pgcrypto;
