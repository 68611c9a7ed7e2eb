-- parents: 20250101090000
-- message: users

-- upgrade
CREATE DOMAIN app.email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE app.users (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    tenant_id uuid NOT NULL REFERENCES app.tenants(id) ON DELETE CASCADE,
    email app.email NOT NULL,
    password_hash text,
    UNIQUE (tenant_id, email)
);

-- downgrade
DROP TABLE app.users;
DROP DOMAIN app.email;
