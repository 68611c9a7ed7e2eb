-- parents: base
-- message: tenants

-- upgrade
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE SCHEMA app;
CREATE TABLE app.tenants (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    name text NOT NULL,
    plan text NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- downgrade
DROP TABLE app.tenants;
DROP SCHEMA app;
DROP EXTENSION "uuid-ossp";
