-- parents: 20250102090000
-- message: plan enum

-- upgrade
CREATE TYPE app.plan AS ENUM ('free', 'pro', 'enterprise');
ALTER TABLE app.tenants ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE app.tenants ALTER COLUMN plan TYPE app.plan USING plan::app.plan;
ALTER TABLE app.tenants ALTER COLUMN plan SET DEFAULT 'free';

-- downgrade
ALTER TABLE app.tenants ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE app.tenants ALTER COLUMN plan TYPE text USING plan::text;
ALTER TABLE app.tenants ALTER COLUMN plan SET DEFAULT 'free';
DROP TYPE app.plan;
