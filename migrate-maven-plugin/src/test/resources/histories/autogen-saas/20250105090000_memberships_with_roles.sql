-- parents: 20250104090000
-- message: memberships with roles

-- upgrade
CREATE TYPE app.member_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TABLE app.memberships (
    project_id bigint NOT NULL REFERENCES app.projects(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES app.users(id) ON DELETE CASCADE,
    role app.member_role NOT NULL DEFAULT 'member',
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON app.memberships (user_id) INCLUDE (role);

-- downgrade
DROP TABLE app.memberships;
DROP TYPE app.member_role;
