-- parents: 20250115090000
-- message: btree gist exclusion

-- upgrade
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE app.reservations (
    id serial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES app.projects(id),
    during tstzrange NOT NULL,
    EXCLUDE USING gist (project_id WITH =, during WITH &&)
);

-- downgrade
DROP TABLE app.reservations;
DROP EXTENSION btree_gist;
