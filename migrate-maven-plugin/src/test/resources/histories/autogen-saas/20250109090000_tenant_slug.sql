-- parents: 20250108090000
-- message: tenant slug

-- upgrade
ALTER TABLE app.tenants ADD COLUMN slug text;
UPDATE app.tenants SET slug = lower(regexp_replace(name, '[^a-zA-Z0-9]+', '-', 'g'));
ALTER TABLE app.tenants ALTER COLUMN slug SET NOT NULL;
ALTER TABLE app.tenants ADD CONSTRAINT tenants_slug_key UNIQUE (slug);
ALTER TABLE app.tenants ADD CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9-]+$');

-- downgrade
ALTER TABLE app.tenants DROP CONSTRAINT tenants_slug_format;
ALTER TABLE app.tenants DROP CONSTRAINT tenants_slug_key;
ALTER TABLE app.tenants DROP COLUMN slug;
