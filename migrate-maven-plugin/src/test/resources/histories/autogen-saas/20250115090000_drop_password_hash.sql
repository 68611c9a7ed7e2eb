-- parents: 20250114090000
-- message: drop password hash

-- upgrade
ALTER TABLE app.users DROP COLUMN password_hash;

-- downgrade
ALTER TABLE app.users ADD COLUMN password_hash text;
