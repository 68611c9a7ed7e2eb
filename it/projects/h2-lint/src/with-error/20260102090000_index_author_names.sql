-- parents: 20260101090000
-- message: index author names

-- upgrade
-- an index built without blocking writes; PostgreSQL refuses this inside a transaction
CREATE INDEX CONCURRENTLY ix_authors_name ON authors (name);

-- downgrade
DROP INDEX ix_authors_name;
