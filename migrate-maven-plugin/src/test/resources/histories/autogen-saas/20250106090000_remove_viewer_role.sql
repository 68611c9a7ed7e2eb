-- parents: 20250105090000
-- message: remove viewer role

-- upgrade
UPDATE app.memberships SET role = 'member' WHERE role = 'viewer';
ALTER TYPE app.member_role RENAME TO member_role_old;
CREATE TYPE app.member_role AS ENUM ('owner', 'admin', 'member');
ALTER TABLE app.memberships ALTER COLUMN role DROP DEFAULT;
ALTER TABLE app.memberships ALTER COLUMN role TYPE app.member_role USING role::text::app.member_role;
ALTER TABLE app.memberships ALTER COLUMN role SET DEFAULT 'member';
DROP TYPE app.member_role_old;

-- downgrade
ALTER TYPE app.member_role ADD VALUE 'viewer';
