-- parents: 20240103000000
-- message: index titles concurrently
-- transactional: false

-- upgrade
CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);

-- downgrade
DROP INDEX CONCURRENTLY ix_posts_title;
